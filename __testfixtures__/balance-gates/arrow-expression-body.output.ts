import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';
import { billing } from '../lib/billing.js';

export const quick = Router();

quick.post('/quick', requireAuth, async (req, res) => {
  const balance = await billing.checkBalance({ customer: { externalId: req.user?.id }, estimate: 0.01 });
  if (!balance.allowed) return res.status(402).json(balance.body);
  return res.json(await openai.responses.create({ model: 'gpt-4o-mini', input: String(req.body.q) }));
});
