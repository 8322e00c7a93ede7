import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';
import { billing } from '../lib/billing.js';
import { costOf } from '../lib/billing-costs.js';

export const summaryRouter = Router();

// The event type prices no model dimension, so the event's data has no model: the request's is used.
summaryRouter.post('/summary', requireAuth, async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: req.body.text }] });
  void billing.trackUsage({
    customer: { externalId: req.user?.id },
    eventType: 'chat_completion',
    data: {
      total_tokens: completion.usage?.total_tokens,
    },
    costs: costOf('openai', 'gpt-4o-mini', completion.usage),
  });
  res.json({ summary: completion.choices[0]?.message.content });
});
