import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const chatRouter = Router();

chatRouter.post('/chat', requireAuth, async (req, res) => {
  res.status(200).json(await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: req.body.messages }));
});

chatRouter.post('/maybe', requireAuth, async (req, res) => {
  const cached = lookup(req.body.key) ?? (await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: req.body.messages }));
  res.json(cached);
});

declare function lookup(key: string): unknown;
