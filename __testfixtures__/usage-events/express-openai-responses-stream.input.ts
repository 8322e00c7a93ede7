import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const briefRouter = Router();

briefRouter.post('/brief/stream', requireAuth, async (req, res) => {
  const events = await openai.responses.create({ model: 'gpt-4.1-mini', input: req.body.topic, stream: true });
  for await (const event of events) {
    if (event.type === 'response.output_text.delta') res.write(event.delta);
  }
  res.end();
});
