import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';
import { billing } from '../lib/billing.js';

export const askRouter = Router();

// Neither the event's data nor the request names the model (it comes in a spread): no cost is guessed.
askRouter.post('/ask', requireAuth, async (req, res) => {
  const completion = await openai.chat.completions.create({ ...req.body.settings, messages: [{ role: 'user', content: req.body.text }] });
  void billing.trackUsage({
    customer: { externalId: req.user?.id },
    eventType: 'chat_completion',
    data: {
      total_tokens: completion.usage?.total_tokens,
    },
  });
  res.json({ answer: completion.choices[0]?.message.content });
});
