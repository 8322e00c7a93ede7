import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const live = Router();

live.post('/live', requireAuth, async (req, res) => {
  res.setHeader('Content-Type', 'text/plain');
  // TODO(billing-codemod): check the balance before this (billing.checkBalance) and answer 402 when it is too low; not automated: the response has already started (res.write() on line 9) when the call runs, so a 402 can no longer be sent there
  res.write('Thinking...\n');
  const stream = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: req.body.q }], stream: true });
  for await (const chunk of stream) res.write(chunk.choices[0]?.delta?.content ?? '');
  res.end();
});
