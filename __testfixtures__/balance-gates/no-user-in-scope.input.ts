import { Router } from 'express';
import { openai } from '../lib/openai.js';

export const publicRoutes = Router();

// Anyone may ask; the app has no sign-in on this route, so there is no customer to check.
publicRoutes.post('/public/ask', async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: String(req.body.question) }],
  });
  res.json({ answer: completion.choices[0]?.message.content });
});
