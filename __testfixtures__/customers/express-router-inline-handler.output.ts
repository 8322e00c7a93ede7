import { Router } from 'express';
import { db, UniqueConstraintError } from '../lib/db.js';
import { hashPassword } from '../lib/password.js';
import { startSession } from '../lib/session.js';
import { billing } from '../lib/billing.js';

export const authRouter = Router();

authRouter.post('/signup', async (req, res) => {
  const { email, password, name } = req.body ?? {};
  if (typeof email !== 'string' || typeof password !== 'string') {
    return res.status(400).json({ error: 'Email and password are required' });
  }

  try {
    const user = await db.user.create({
      data: {
        email: email.toLowerCase(),
        name: typeof name === 'string' ? name.trim() : email.split('@')[0],
        passwordHash: await hashPassword(password),
      },
    });
    await billing.ensureCustomer({ externalId: user.id, email: user.email, name: user.name });
    await startSession(res, user.id);
    res.status(201).json({ user: { id: user.id, email: user.email, name: user.name } });
  } catch (err) {
    if (err instanceof UniqueConstraintError) {
      return res.status(409).json({ error: 'An account with this email already exists' });
    }
    throw err;
  }
});
