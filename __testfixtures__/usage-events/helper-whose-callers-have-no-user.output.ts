import { Router } from 'express';
import { openai } from '../lib/openai.js';

export const uploadRouter = Router();

// The only caller is a public route: there is no user to hand the helper, so it gets no parameter.
async function embed(text: string) {
  // TODO(billing-codemod): send an embedding usage event for this call (no signed-in user in scope in embed() (it takes no user id, and no request handler that calls it has a signed-in user to pass it))
  const embedding = await openai.embeddings.create({ model: 'text-embedding-3-small', input: text });
  return embedding.data[0]?.embedding ?? [];
}

uploadRouter.post('/upload', async (req, res) => {
  const vector = await embed(String(req.body.text));
  res.json({ dimensions: vector.length });
});
