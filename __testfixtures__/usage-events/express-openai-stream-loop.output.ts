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
    stream_options: { include_usage: true },
  });
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  let billed = false;
  try {
    for await (const chunk of stream) {
      if (chunk.usage) {
        billed = true;
        void billing.trackUsage({
          customer: { externalId: req.user?.id },
          eventType: 'chat_completion',
          data: {
            total_tokens: chunk.usage?.total_tokens,
            input_tokens: chunk.usage?.prompt_tokens,
            output_tokens: chunk.usage?.completion_tokens,
            model: chunk.model,
          },
          subject: chunk.id,
        });
      }
      const text = chunk.choices[0]?.delta?.content;
      if (!text) continue;
      res.write(text);
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
