// Data access, shaped like the ORM we will move to (db.user.create({ data }) and friends).
import { randomUUID } from 'node:crypto';
import { readTable, writeTable } from './store.js';

export interface User {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  createdAt: string;
}

export interface Session {
  id: string;
  userId: string;
  expiresAt: string;
}

type UserWhere = { id: string } | { email: string };

function matches(user: User, where: UserWhere): boolean {
  return 'id' in where ? user.id === where.id : user.email === where.email;
}

export const db = {
  user: {
    async create({ data }: { data: Omit<User, 'id' | 'createdAt'> }): Promise<User> {
      const users = readTable<User>('users');
      if (users.some((u) => u.email === data.email)) {
        throw new UniqueConstraintError('email');
      }
      const user: User = { id: randomUUID(), createdAt: new Date().toISOString(), ...data };
      writeTable('users', [...users, user]);
      return user;
    },
    async findUnique({ where }: { where: UserWhere }): Promise<User | null> {
      return readTable<User>('users').find((u) => matches(u, where)) ?? null;
    },
  },
  session: {
    async create({ data }: { data: Omit<Session, 'id'> }): Promise<Session> {
      const session: Session = { id: randomUUID(), ...data };
      writeTable('sessions', [...readTable<Session>('sessions'), session]);
      return session;
    },
    async findUnique({ where }: { where: { id: string } }): Promise<Session | null> {
      return readTable<Session>('sessions').find((s) => s.id === where.id) ?? null;
    },
    async delete({ where }: { where: { id: string } }): Promise<void> {
      writeTable(
        'sessions',
        readTable<Session>('sessions').filter((s) => s.id !== where.id),
      );
    },
  },
};

export class UniqueConstraintError extends Error {
  constructor(readonly field: string) {
    super(`Unique constraint failed on ${field}`);
    this.name = 'UniqueConstraintError';
  }
}
