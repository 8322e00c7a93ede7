import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const tags = Router();

tags.post('/tags', requireAuth, (req, res, next) => {
  openai.responses
    .create({ model: 'gpt-4o-mini', input: `Tags for: ${req.body.text}` })
    .then((out) => res.json({ tags: out.output_text.split(',') }))
    .catch(next);
});
