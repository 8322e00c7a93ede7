import { createHmac, timingSafeEqual } from 'node:crypto';
import { cookies } from 'next/headers';

const COOKIE = 'session';
const MAX_AGE = 60 * 60 * 24 * 7; // a week

export type Session = { userId: string; expiresAt: number };

function secret(): string {
  const value = process.env.SESSION_SECRET;
  if (!value && process.env.NODE_ENV === 'production') throw new Error('SESSION_SECRET is not set');
  return value ?? 'dev-only-session-secret';
}

function sign(payload: string): string {
  return createHmac('sha256', secret()).update(payload).digest('base64url');
}

function encode(session: Session): string {
  const payload = Buffer.from(JSON.stringify(session)).toString('base64url');
  return `${payload}.${sign(payload)}`;
}

function decode(value: string): Session | null {
  const [payload, signature] = value.split('.');
  if (!payload || !signature) return null;
  const expected = Buffer.from(sign(payload));
  const actual = Buffer.from(signature);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  const session = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Session;
  return session.expiresAt > Date.now() ? session : null;
}

/** The signed-in user's session, or null. */
export async function getSession(): Promise<Session | null> {
  const value = (await cookies()).get(COOKIE)?.value;
  return value ? decode(value) : null;
}

export async function createSession(userId: string): Promise<void> {
  const session: Session = { userId, expiresAt: Date.now() + MAX_AGE * 1000 };
  (await cookies()).set(COOKIE, encode(session), {
    httpOnly: true,
    sameSite: 'lax',
    secure: process.env.NODE_ENV === 'production',
    maxAge: MAX_AGE,
    path: '/',
  });
}

export async function deleteSession(): Promise<void> {
  (await cookies()).delete(COOKIE);
}
