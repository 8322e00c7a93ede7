import type { NextFunction, Request, Response } from 'express';
import jwt from 'jsonwebtoken';

export default function authenticateMiddleware(request: Request, response: Response, next: NextFunction) {
  const token = request.headers.authorization?.replace('Bearer ', '') ?? '';
  const payload = jwt.verify(token, process.env.JWT_SECRET as string) as { id: string; roles: string[] };
  request.user = { id: payload.id, roles: payload.roles };
  next();
}
