import crypto from 'node:crypto';
import { load, save } from './store';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  salt: string;
  hash: string;
  createdAt: string;
}

export type PublicUser = Pick<UserRecord, 'id' | 'email' | 'name'>;

export class EmailTakenError extends Error {}

function hashPassword(password: string, salt: string): string {
  return crypto.scryptSync(password, salt, 64).toString('hex');
}

export function findUserByEmail(email: string): UserRecord | undefined {
  return load<UserRecord>('users').find((u) => u.email === email.toLowerCase());
}

export function createUser(input: { email: string; name: string; password: string }): PublicUser {
  const users = load<UserRecord>('users');
  const email = input.email.toLowerCase();
  if (users.some((u) => u.email === email)) throw new EmailTakenError(email);
  const salt = crypto.randomBytes(16).toString('hex');
  const user: UserRecord = {
    id: crypto.randomUUID(),
    email,
    name: input.name,
    salt,
    hash: hashPassword(input.password, salt),
    createdAt: new Date().toISOString(),
  };
  save('users', [...users, user]);
  return { id: user.id, email: user.email, name: user.name };
}

export function verifyCredentials(email: string, password: string): PublicUser | null {
  const user = findUserByEmail(email);
  if (!user) return null;
  const candidate = Buffer.from(hashPassword(password, user.salt), 'hex');
  if (!crypto.timingSafeEqual(candidate, Buffer.from(user.hash, 'hex'))) return null;
  return { id: user.id, email: user.email, name: user.name };
}
