import type { NextFunction, Request, Response } from 'express';
import { db } from '../lib/db.js';
import { SESSION_COOKIE } from '../lib/session.js';

export async function requireAuth(req: Request, res: Response, next: NextFunction) {
  const sessionId: string | undefined = req.cookies?.[SESSION_COOKIE];
  const session = sessionId ? await db.session.findUnique({ where: { id: sessionId } }) : null;
  if (!session || new Date(session.expiresAt) < new Date()) {
    return res.status(401).json({ error: 'Authentication required' });
  }
  const user = await db.user.findUnique({ where: { id: session.userId } });
  if (!user) {
    return res.status(401).json({ error: 'Authentication required' });
  }
  req.user = { id: user.id, email: user.email, name: user.name };
  next();
}
