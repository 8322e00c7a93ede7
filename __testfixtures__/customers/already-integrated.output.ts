import { Router } from 'express';
import { billing } from '../lib/billing.js';
import { db } from '../lib/db.js';

export const authRouter = Router();

authRouter.post('/signup', async (req, res) => {
  const user = await db.user.create({ data: { email: req.body.email } });
  await billing.ensureCustomer({ externalId: user.id, email: user.email });
  res.status(201).json({ id: user.id });
});
