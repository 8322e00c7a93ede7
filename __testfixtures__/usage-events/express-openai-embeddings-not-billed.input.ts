import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const searchRouter = Router();

searchRouter.post('/search', requireAuth, async (req, res) => {
  const embedding = await openai.embeddings.create({ model: 'text-embedding-3-small', input: req.body.query });
  res.json({ vector: embedding.data[0]?.embedding });
});
