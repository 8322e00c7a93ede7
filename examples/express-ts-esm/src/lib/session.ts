import type { Response } from 'express';
import { db } from './db.js';

export const SESSION_COOKIE = 'sid';
const SESSION_DAYS = 30;

export async function startSession(res: Response, userId: string): Promise<void> {
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000);
  const session = await db.session.create({ data: { userId, expiresAt: expiresAt.toISOString() } });
  res.cookie(SESSION_COOKIE, session.id, {
    httpOnly: true,
    sameSite: 'lax',
    secure: process.env.NODE_ENV === 'production',
    expires: expiresAt,
  });
}

export async function endSession(res: Response, sessionId: string | undefined): Promise<void> {
  if (sessionId) await db.session.delete({ where: { id: sessionId } });
  res.clearCookie(SESSION_COOKIE);
}
