import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';
import { billing } from '../lib/billing.js';

export const chatRouter = Router();

// Every route below needs a signed-in user: the router applies requireAuth, which sets req.user.
chatRouter.use(requireAuth);

chatRouter.post('/', async (req, res) => {
  const balance = await billing.checkBalance({ customer: { externalId: req.user?.id }, estimate: 0.01 });
  if (!balance.allowed) return res.status(402).json(balance.body);
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: String(req.body?.message) }],
  });
  res.json({ reply: completion.choices[0]?.message.content ?? '' });
});
