import { Router } from 'express';
import { anthropic } from '../lib/anthropic.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const draftRouter = Router();

draftRouter.post('/draft', requireAuth, async (req, res) => {
  const stream = anthropic.messages.stream({ model: 'claude-sonnet-4-5', max_tokens: 1024, messages: req.body.messages });
  stream.on('text', (text) => res.write(text));
  const final = await stream.finalMessage();
  res.end(`\n\n(${final.stop_reason})`);
});
