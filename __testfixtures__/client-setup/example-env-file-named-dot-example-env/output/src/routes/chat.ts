import { Router } from 'express';
import OpenAI from 'openai';

const openai = new OpenAI();
export const chatRouter = Router();

chatRouter.post('/chat', async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: req.body.messages });
  res.json(completion);
});
