import { Router } from 'express';
import { db, UniqueConstraintError } from '../lib/db.js';
import { hashPassword, verifyPassword } from '../lib/password.js';
import { endSession, SESSION_COOKIE, startSession } from '../lib/session.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const authRouter = Router();

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

authRouter.post('/signup', async (req, res) => {
  const { email, password, name } = req.body ?? {};
  if (typeof email !== 'string' || !EMAIL.test(email)) {
    return res.status(400).json({ error: 'A valid email is required' });
  }
  if (typeof password !== 'string' || password.length < 8) {
    return res.status(400).json({ error: 'Password must be at least 8 characters' });
  }

  try {
    const user = await db.user.create({
      data: {
        email: email.toLowerCase(),
        name: typeof name === 'string' && name.trim() ? name.trim() : email.split('@')[0],
        passwordHash: await hashPassword(password),
      },
    });
    await startSession(res, user.id);
    res.status(201).json({ user: { id: user.id, email: user.email, name: user.name } });
  } catch (err) {
    if (err instanceof UniqueConstraintError) {
      return res.status(409).json({ error: 'An account with this email already exists' });
    }
    throw err;
  }
});

authRouter.post('/login', async (req, res) => {
  const { email, password } = req.body ?? {};
  if (typeof email !== 'string' || typeof password !== 'string') {
    return res.status(400).json({ error: 'Email and password are required' });
  }
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() } });
  if (!user || !(await verifyPassword(password, user.passwordHash))) {
    return res.status(401).json({ error: 'Invalid email or password' });
  }
  await startSession(res, user.id);
  res.json({ user: { id: user.id, email: user.email, name: user.name } });
});

authRouter.post('/logout', async (req, res) => {
  await endSession(res, req.cookies?.[SESSION_COOKIE]);
  res.status(204).end();
});

authRouter.get('/me', requireAuth, (req, res) => {
  res.json({ user: req.user });
});
