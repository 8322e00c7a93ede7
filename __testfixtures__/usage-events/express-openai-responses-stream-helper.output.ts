import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';
import { billing } from '../lib/billing.js';

export const briefRouter = Router();

briefRouter.post('/brief/stream', requireAuth, async (req, res) => {
  const stream = openai.responses.stream({ model: 'gpt-4.1-mini', input: req.body.topic });
  stream.on('response.output_text.delta', (event) => res.write(event.delta));
  await stream.done();
  const response2 = await stream.finalResponse();
  void billing.trackUsage({
    customer: { externalId: req.user?.id },
    eventType: 'chat_completion',
    data: {
      total_tokens: response2.usage?.total_tokens,
      input_tokens: response2.usage?.input_tokens,
      output_tokens: response2.usage?.output_tokens,
      model: response2.model,
    },
    subject: response2.id,
  });
  res.end();
});
