import type { NextFunction, Request, Response } from 'express';

export function requireAuth(req: Request, res: Response, next: NextFunction) {
  const user = lookup(req.cookies?.session);
  if (!user) return res.status(401).json({ error: 'Authentication required' });
  req.user = user;
  next();
}

declare function lookup(id: string | undefined): { id: string } | null;
