import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const briefRouter = Router();

briefRouter.post('/brief/stream', requireAuth, async (req, res) => {
  const stream = openai.responses.stream({ model: 'gpt-4.1-mini', input: req.body.topic });
  stream.on('response.output_text.delta', (event) => res.write(event.delta));
  await stream.done();
  res.end();
});
