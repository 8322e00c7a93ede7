import { Router } from 'express';
import Replicate from 'replicate';
import { requireAuth } from '../middleware/requireAuth.js';

const replicate = new Replicate();
export const llamaRouter = Router();

llamaRouter.post('/llama', requireAuth, async (req, res) => {
  for await (const event of replicate.stream('meta/meta-llama-3-8b-instruct', { input: { prompt: req.body.prompt } })) {
    res.write(String(event));
  }
  res.end();
});
