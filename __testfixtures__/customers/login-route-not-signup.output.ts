import { Router } from 'express';
import { db } from '../lib/db.js';
import { startSession } from '../lib/session.js';
import { billing } from '../lib/billing.js';

export const authRouter = Router();

authRouter.post('/signup', async (req, res) => {
  const user = await db.user.create({ data: { email: req.body.email, name: req.body.name } });
  await billing.ensureCustomer({ externalId: user.id, email: user.email, name: user.name });
  await startSession(res, user.id);
  res.status(201).json({ id: user.id });
});

// Passwordless: the first login creates the account.
authRouter.post('/login', async (req, res) => {
  const existing = await db.user.findUnique({ where: { email: req.body.email } });
  const user = existing ?? (await db.user.create({ data: { email: req.body.email } }));
  await startSession(res, user.id);
  res.json({ id: user.id });
});
