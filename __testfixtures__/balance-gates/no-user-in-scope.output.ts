import { Router } from 'express';
import { openai } from '../lib/openai.js';

export const publicRoutes = Router();

// Anyone may ask; the app has no sign-in on this route, so there is no customer to check.
publicRoutes.post('/public/ask', async (req, res) => {
  // TODO(billing-codemod): check the balance before this (billing.checkBalance) and answer 402 when it is too low; not automated: no signed-in user before this point: the request handler reads no session or user (such as req.user, auth(), getServerSession()), takes none as a parameter, and no middleware on its route sets one
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: String(req.body.question) }],
  });
  res.json({ answer: completion.choices[0]?.message.content });
});
