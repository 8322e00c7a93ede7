import { Router } from 'express';
import OpenAI from 'openai';

// A public tool: nobody signs in, so there is no user to bill.
const openai = new OpenAI();
export const toolRouter = Router();

toolRouter.post('/rewrite', async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: String(req.body.text) }] });
  res.json({ text: completion.choices[0]?.message.content });
});
