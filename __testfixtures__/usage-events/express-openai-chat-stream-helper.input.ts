import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const chatRouter = Router();

chatRouter.post('/chat/stream', requireAuth, async (req, res) => {
  const stream = openai.chat.completions.stream({ model: 'gpt-4o-mini', messages: req.body.messages });
  for await (const chunk of stream) {
    res.write(chunk.choices[0]?.delta?.content ?? '');
  }
  res.end();
});
