import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';
import { billing } from '../lib/billing.js';

export const tags = Router();

tags.post('/tags', requireAuth, async (req, res, next) => {
  const balance = await billing.checkBalance({ customer: { externalId: req.user?.id }, estimate: 0.01 });
  if (!balance.allowed) return res.status(402).json(balance.body);
  openai.responses
    .create({ model: 'gpt-4o-mini', input: `Tags for: ${req.body.text}` })
    .then((out) => res.json({ tags: out.output_text.split(',') }))
    .catch(next);
});
