import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const live = Router();

live.post('/live', requireAuth, async (req, res) => {
  res.setHeader('Content-Type', 'text/plain');
  res.write('Thinking...\n');
  const stream = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: req.body.q }], stream: true });
  for await (const chunk of stream) res.write(chunk.choices[0]?.delta?.content ?? '');
  res.end();
});
