import { randomUUID } from 'crypto';
import { readRows, writeRows } from './store';

export interface User {
  id: string;
  email: string;
  name: string | null;
  passwordHash: string;
  createdAt: string;
}

type UserWhere = { id: string } | { email: string };

const byWhere = (where: UserWhere) => (u: User) => ('id' in where ? u.id === where.id : u.email === where.email);

export const db = {
  user: {
    async create({ data }: { data: Pick<User, 'email' | 'name' | 'passwordHash'> }): Promise<User> {
      const users = readRows<User>('users');
      if (users.some((u) => u.email === data.email)) {
        throw Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), { code: '23505' });
      }
      const user: User = { id: randomUUID(), createdAt: new Date().toISOString(), ...data };
      writeRows('users', [...users, user]);
      return user;
    },
    async findUnique({ where }: { where: UserWhere }): Promise<User | null> {
      return readRows<User>('users').find(byWhere(where)) ?? null;
    },
  },
};
