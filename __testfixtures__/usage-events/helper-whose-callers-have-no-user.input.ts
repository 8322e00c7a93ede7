import { Router } from 'express';
import { openai } from '../lib/openai.js';

export const uploadRouter = Router();

// The only caller is a public route: there is no user to hand the helper, so it gets no parameter.
async function embed(text: string) {
  const embedding = await openai.embeddings.create({ model: 'text-embedding-3-small', input: text });
  return embedding.data[0]?.embedding ?? [];
}

uploadRouter.post('/upload', async (req, res) => {
  const vector = await embed(String(req.body.text));
  res.json({ dimensions: vector.length });
});
