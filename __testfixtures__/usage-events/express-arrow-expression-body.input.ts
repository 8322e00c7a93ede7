import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const chatRouter = Router();

chatRouter.post('/chat', requireAuth, async (req, res) => res.json(await openai.responses.create({ model: 'gpt-4.1-mini', input: req.body.input })));
