import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';
import { billing } from '../lib/billing.js';

export const briefRouter = Router();

const MODEL = 'gpt-4.1-mini';

briefRouter.post('/brief', requireAuth, async (req, res) => {
  const response = await openai.responses.create({ model: MODEL, input: req.body.topic });
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
    session: req,
  });
  res.json({ brief: response.output_text });
});
