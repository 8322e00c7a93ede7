import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const chatRouter = Router();

chatRouter.post('/chat', requireAuth, async (req, res) => {
  return res.json(await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: req.body.messages }));
});

chatRouter.post('/reply', requireAuth, async (req, res) => {
  res.json({
    user: req.user?.id,
    reply: (await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: req.body.messages })).choices[0]?.message.content,
  });
});
