import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';
import { billing } from '../lib/billing.js';
import { costOf } from '../lib/billing-costs.js';

const analytics = { trackUsage: (event: { name: string; data: Record<string, unknown> }) => console.log(event) };

export const chatRouter = Router();

// An event that already carries costs, and another tool's trackUsage: both are left as they are.
chatRouter.post('/chat', requireAuth, async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: req.body.text }] });
  void billing.trackUsage({
    customer: { externalId: req.user?.id },
    eventType: 'chat_completion',
    data: {
      total_tokens: completion.usage?.total_tokens,
      model: completion.model,
    },
    costs: costOf('openai', completion.model, completion.usage),
  });
  analytics.trackUsage({ name: 'chat', data: { tokens: completion.usage?.total_tokens } });
  res.json({ answer: completion.choices[0]?.message.content });
});
