import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const search = Router();

// Embeddings are not priced in this app's billing.config.json: no gate.
search.post('/embed', requireAuth, async (req, res) => {
  const result = await openai.embeddings.create({ model: 'text-embedding-3-small', input: String(req.body.text) });
  res.json({ vector: result.data[0]?.embedding });
});
