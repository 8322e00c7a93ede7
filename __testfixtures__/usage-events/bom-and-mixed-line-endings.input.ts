import { Router } from 'express';
import { requireAuth } from '../middleware/requireAuth.js';
import { openai } from '../lib/openai.js';

// A BOM, and CRLF and LF lines mixed: every line the edit does not touch keeps its own ending.
export const chatRouter = Router();

chatRouter.post('/chat', requireAuth, async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: req.body.messages });
  res.json({ reply: completion.choices[0]?.message.content, user: req.user?.id });
});
