import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';
import { billing } from '../lib/billing.js';

export const chatRouter = Router();

chatRouter.post('/chat', requireAuth, async (req, res) => {
  const message = req.body?.message;
  if (typeof message !== 'string' || !message.trim()) {
    return res.status(400).json({ error: 'message is required' });
  }

  const balance = await billing.checkBalance({ customer: { externalId: req.user?.id }, estimate: 0.01 });
  if (!balance.allowed) return res.status(402).json(balance.body);

  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: message }],
  });

  res.json({ reply: completion.choices[0]?.message.content ?? '' });
});
