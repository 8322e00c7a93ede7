import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';
import { billing } from '../lib/billing.js';

export const chatRouter = Router();

chatRouter.post('/chat/stream', requireAuth, async (req, res) => {
  const stream = openai.chat.completions.stream({ model: 'gpt-4o-mini', messages: req.body.messages, stream_options: { include_usage: true } });
  for await (const chunk of stream) {
    res.write(chunk.choices[0]?.delta?.content ?? '');
  }
  const completion = await stream.finalChatCompletion();
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
  res.end();
});
