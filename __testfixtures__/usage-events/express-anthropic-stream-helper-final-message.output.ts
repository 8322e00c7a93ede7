import { Router } from 'express';
import { anthropic } from '../lib/anthropic.js';
import { requireAuth } from '../middleware/requireAuth.js';
import { billing } from '../lib/billing.js';

export const draftRouter = Router();

draftRouter.post('/draft', requireAuth, async (req, res) => {
  const stream = anthropic.messages.stream({ model: 'claude-sonnet-4-5', max_tokens: 1024, messages: req.body.messages });
  stream.on('text', (text) => res.write(text));
  const final = await stream.finalMessage();
  void billing.trackUsage({
    customer: { externalId: req.user?.id },
    eventType: 'chat_completion',
    data: {
      total_tokens: final.usage.input_tokens + final.usage.output_tokens,
      input_tokens: final.usage.input_tokens,
      output_tokens: final.usage.output_tokens,
      model: final.model,
    },
    subject: final.id,
  });
  res.end(`\n\n(${final.stop_reason})`);
});
