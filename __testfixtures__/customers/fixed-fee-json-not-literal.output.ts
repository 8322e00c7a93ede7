import { Router } from 'express';
import { db } from '../lib/db.js';
import { billing } from '../lib/billing.js';

export const authRouter = Router();

authRouter.post('/signup', async (req, res) => {
  const user = await db.user.create({ data: { email: req.body.email } });
  // TODO(billing-codemod): POST /signup: a configured product has a fixed fee; keep the result of billing.ensureCustomer and send the person to its paymentUrl when it is set
  await billing.ensureCustomer({ externalId: user.id, email: user.email });
  res.status(201).json(user);
});
