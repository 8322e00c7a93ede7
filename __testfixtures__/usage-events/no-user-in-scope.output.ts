import { Router } from 'express';
import { openai } from '../lib/openai.js';

export const publicRouter = Router();

publicRouter.post('/demo', async (req, res) => {
  // TODO(billing-codemod): send a chat_completion usage event for this call (no signed-in user before this point: the request handler reads no session or user (such as req.user, auth(), getServerSession()), takes none as a parameter, and no middleware on its route sets one)
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: req.body.messages });
  res.json({ reply: completion.choices[0]?.message.content });
});
