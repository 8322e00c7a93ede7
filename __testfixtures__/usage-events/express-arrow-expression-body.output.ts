import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';
import { billing } from '../lib/billing.js';

export const chatRouter = Router();

chatRouter.post('/chat', requireAuth, async (req, res) => {
  const response = await openai.responses.create({ model: 'gpt-4.1-mini', input: req.body.input });
  void billing.trackUsage({
    customer: { externalId: req.user?.id },
    eventType: 'chat_completion',
    data: {
      total_tokens: response.usage?.total_tokens,
      input_tokens: response.usage?.input_tokens,
      output_tokens: response.usage?.output_tokens,
      model: response.model,
    },
    subject: response.id,
  });
  return res.json(response);
});
