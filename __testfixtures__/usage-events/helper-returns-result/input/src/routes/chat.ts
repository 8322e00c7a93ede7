import { Router } from 'express';
import { requireAuth } from '../middleware/requireAuth.js';
import * as assistant from '../services/assistant.js';

export const chatRouter = Router();

chatRouter.post('/chat', requireAuth, async (req, res) => {
  const completion = await assistant.reply(req.body.messages);
  res.json({ reply: completion.choices[0]?.message.content });
});
