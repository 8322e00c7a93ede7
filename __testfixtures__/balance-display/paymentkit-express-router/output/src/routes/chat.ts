import { Router } from 'express';
import OpenAI from 'openai';
import { requireAuth } from '../middleware/requireAuth.js';

const openai = new OpenAI();
export const chatRouter = Router();

chatRouter.post('/', requireAuth, async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: req.body.message }] });
  res.json({ reply: completion.choices[0]?.message.content, user: req.user!.id });
});
