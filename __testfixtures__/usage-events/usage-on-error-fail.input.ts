import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const chatRouter = Router();

chatRouter.post('/chat', requireAuth, async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: String(req.body.message) }],
  });
  res.json({ reply: completion.choices[0]?.message.content });
});

chatRouter.post('/chat/stream', requireAuth, async (req, res) => {
  const stream = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: req.body.messages, stream: true });
  for await (const chunk of stream) res.write(chunk.choices[0]?.delta?.content ?? '');
  res.end();
});
