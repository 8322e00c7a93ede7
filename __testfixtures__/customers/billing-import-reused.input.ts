import { Router } from 'express';
import { db } from '../lib/db.js';
import { billing as bill } from '../lib/billing.js';

export const authRouter = Router();

authRouter.post('/signup', async (req, res) => {
  const user = await db.user.create({ data: { email: req.body.email } });
  res.status(201).json({ id: user.id });
});

authRouter.post('/chat', async (req, res) => {
  const gate = await bill.checkBalance({ customer: { externalId: req.user.id }, estimate: 0.01 });
  if (!gate.allowed) return res.status(402).json(gate.body);
  res.json({ ok: true });
});
