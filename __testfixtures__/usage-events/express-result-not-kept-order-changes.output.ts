import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const chatRouter = Router();

chatRouter.post('/chat', requireAuth, async (req, res) => {
  // TODO(billing-codemod): send a chat_completion usage event for this call (the result is not kept in a variable, and moving the call out of its statement would change what runs first: the callee makes a call of its own first)
  res.status(200).json(await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: req.body.messages }));
});

chatRouter.post('/maybe', requireAuth, async (req, res) => {
  // TODO(billing-codemod): send a chat_completion usage event for this call (the result is not kept in a variable, and moving the call out of its statement would change what runs first: it runs only when `??` lets it)
  const cached = lookup(req.body.key) ?? (await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: req.body.messages }));
  res.json(cached);
});

declare function lookup(key: string): unknown;
