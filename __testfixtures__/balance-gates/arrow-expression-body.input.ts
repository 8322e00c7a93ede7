import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const quick = Router();

quick.post('/quick', requireAuth, async (req, res) =>
  res.json(await openai.responses.create({ model: 'gpt-4o-mini', input: String(req.body.q) })),
);
