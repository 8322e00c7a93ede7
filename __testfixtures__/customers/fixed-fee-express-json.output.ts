import { Router } from 'express';
import { db } from '../lib/db.js';
import { startSession } from '../lib/session.js';
import { billing } from '../lib/billing.js';

export const authRouter = Router();

authRouter.post('/signup', async (req, res) => {
  const user = await db.user.create({ data: { email: req.body.email, name: req.body.name } });
  const customer = await billing.ensureCustomer({ externalId: user.id, email: user.email, name: user.name });
  await startSession(res, user.id);
  res.status(201).json({
    user: { id: user.id, email: user.email },
    onboarding: true,
    paymentUrl: customer?.paymentUrl ?? null
  });
});
