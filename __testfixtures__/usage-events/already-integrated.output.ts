import { Router } from 'express';
import { billing } from '../lib/billing.js';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const chatRouter = Router();

chatRouter.post('/chat', requireAuth, async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: req.body.messages });
  void billing.trackUsage({ customer: { externalId: req.user!.id }, eventType: 'chat_completion', data: { total_tokens: completion.usage?.total_tokens } });
  res.json({ reply: completion.choices[0]?.message.content });
});

chatRouter.post('/chat/stream', requireAuth, async (req, res) => {
  const stream = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: req.body.messages, stream: true, stream_options: { include_usage: true } });
  for await (const chunk of stream) {
    if (chunk.usage) void billing.trackUsage({ customer: { externalId: req.user!.id }, eventType: 'chat_completion', data: { total_tokens: chunk.usage.total_tokens } });
    res.write(chunk.choices[0]?.delta?.content ?? '');
  }
  res.end();
});
