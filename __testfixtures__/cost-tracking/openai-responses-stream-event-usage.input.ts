import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';
import { billing } from '../lib/billing.js';

export const briefRouter = Router();

briefRouter.post('/brief/stream', requireAuth, async (req, res) => {
  const events = await openai.responses.create({ model: 'gpt-4.1-mini', input: req.body.topic, stream: true });
  let billed = false;
  try {
    for await (const event of events) {
      if (event.type === 'response.completed') {
        billed = true;
        void billing.trackUsage({
          customer: { externalId: req.user?.id },
          eventType: 'chat_completion',
          data: {
            total_tokens: event.response.usage?.total_tokens,
            input_tokens: event.response.usage?.input_tokens,
            output_tokens: event.response.usage?.output_tokens,
            model: event.response.model,
          },
          subject: event.response.id,
        });
      }
      if (event.type === 'response.output_text.delta') res.write(event.delta);
    }
  } finally {
    // The stream stopped before it reported its usage: bill what is known (at least the estimate).
    if (!billed) {
      void billing.trackUsage({
        customer: { externalId: req.user?.id },
        eventType: 'chat_completion',
        data: {
          partial: true,
          model: 'gpt-4.1-mini',
        },
      });
    }
  }
  res.end();
});
