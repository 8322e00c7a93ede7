import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const chatRouter = Router();

chatRouter.post('/chat/stream', requireAuth, async (req, res) => {
  const stream = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: req.body.messages,
    stream: true,
  });
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  for await (const chunk of stream) {
    const text = chunk.choices[0]?.delta?.content;
    if (!text) continue;
    res.write(text);
  }
  res.end();
});
