import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';
import { billing } from '../lib/billing.js';

export const chatRouter = Router();

chatRouter.post('/chat/stream', requireAuth, async (req, res) => {
  const stream = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: req.body.messages,
    stream: true,
    stream_options: { include_obfuscation: false, include_usage: true },
  });
  let billed = false;
  try {
    for await (const part of stream) {
      if (part.usage) {
        billed = true;
        void billing.trackUsage({
          customer: { externalId: req.user?.id },
          eventType: 'chat_completion',
          data: {
            total_tokens: part.usage?.total_tokens,
            input_tokens: part.usage?.prompt_tokens,
            output_tokens: part.usage?.completion_tokens,
            model: part.model,
          },
          subject: part.id,
        });
      }
      res.write(part.choices[0]?.delta?.content ?? '');
    }
  } finally {
    // The stream stopped before it reported its usage: bill what is known (at least the estimate).
    if (!billed) {
      void billing.trackUsage({
        customer: { externalId: req.user?.id },
        eventType: 'chat_completion',
        data: {
          partial: true,
          model: 'gpt-4o-mini',
        },
      });
    }
  }
  res.end();
});
