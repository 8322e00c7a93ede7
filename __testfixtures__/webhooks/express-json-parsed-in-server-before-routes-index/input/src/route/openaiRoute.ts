import { Router } from 'express';
import OpenAI from 'openai';

const openai = new OpenAI();
const openaiRoute = Router();

openaiRoute.post('/', async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: req.body.prompt }] });
  res.json({ text: completion.choices[0]?.message.content });
});

export default openaiRoute;
