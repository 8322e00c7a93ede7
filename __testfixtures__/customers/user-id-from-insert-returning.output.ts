import { Router } from 'express';
import { db } from '../db/index.js';
import { users } from '../db/schema.js';
import { billing } from '../lib/billing.js';

export const router = Router();

router.post('/signup', async (req, res) => {
  const { email, name } = req.body;
  const [user] = await db.insert(users).values({ email: email.toLowerCase(), name }).returning();
  await billing.ensureCustomer({ externalId: user.id, email: user.email, name: user.name });
  res.status(201).json({ id: user.id });
});
