import { Router } from 'express';
import { requireAuth } from '../middleware/requireAuth.js';
import * as assistant from '../services/assistant.js';
import { billing } from '../lib/billing.js';

export const chatRouter = Router();

chatRouter.post('/chat', requireAuth, async (req, res) => {
  const completion = await assistant.reply(req.body.messages);
  void billing.trackUsage({
    customer: { externalId: req.user?.id },
    eventType: 'chat_completion',
    data: {
      total_tokens: completion.usage?.total_tokens,
      input_tokens: completion.usage?.prompt_tokens,
      output_tokens: completion.usage?.completion_tokens,
      model: completion.model,
    },
    subject: completion.id,
  });
  res.json({ reply: completion.choices[0]?.message.content });
});
