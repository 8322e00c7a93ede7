import { Router } from 'express';
import { db } from '../models/index.js';
import { billing } from '../lib/billing.js';

export const router = Router();

router.post('/signup', async (req, res) => {
  const { email, password, fullName } = req.body;
  const account = await db.User.create({ email, password, fullName });
  await billing.ensureCustomer({ externalId: account.id, email: account.email });
  res.status(201).json({ id: account.id });
});
