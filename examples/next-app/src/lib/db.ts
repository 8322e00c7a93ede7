import { randomUUID } from 'node:crypto';
import { readTable, writeTable } from './store';

export type User = {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  createdAt: Date;
};

type UserRow = Omit<User, 'createdAt'> & { createdAt: string };

const toUser = (row: UserRow): User => ({ ...row, createdAt: new Date(row.createdAt) });

// Mirrors the Prisma client calls the app will use once it has a real database.
export const db = {
  user: {
    async create({ data }: { data: Pick<User, 'email' | 'name' | 'passwordHash'> }): Promise<User> {
      const rows = readTable<UserRow>('users');
      if (rows.some((r) => r.email === data.email)) {
        throw new Error(`Unique constraint failed on the fields: (\`email\`)`);
      }
      const row: UserRow = { id: randomUUID(), createdAt: new Date().toISOString(), ...data };
      writeTable('users', [...rows, row]);
      return toUser(row);
    },
    async findUnique({ where }: { where: { id: string } | { email: string } }): Promise<User | null> {
      const row = readTable<UserRow>('users').find((r) => ('id' in where ? r.id === where.id : r.email === where.email));
      return row ? toUser(row) : null;
    },
  },
};
