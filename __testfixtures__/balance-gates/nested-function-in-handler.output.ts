import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';
import { billing } from '../lib/billing.js';

export const titles = Router();

titles.post('/titles', requireAuth, async (req, res) => {
  async function suggest(text: string) {
    const out = await openai.responses.create({ model: 'gpt-4o-mini', input: `Three titles for: ${text}` });
    return out.output_text;
  }

  if (!req.body.text) return res.status(400).json({ error: 'text is required' });
  const balance = await billing.checkBalance({ customer: { externalId: req.user?.id }, estimate: 0.01 });
  if (!balance.allowed) return res.status(402).json(balance.body);
  res.json({ titles: await suggest(req.body.text) });
});
