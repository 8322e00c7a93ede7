import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const briefRouter = Router();

const MODEL = 'gpt-4.1-mini';

briefRouter.post('/brief', requireAuth, async (req, res) => {
  const response = await openai.responses.create({ model: MODEL, input: req.body.topic });
  res.json({ brief: response.output_text });
});
