import { Router } from 'express';
import { Readable } from 'node:stream';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const chatRouter = Router();

chatRouter.post('/chat/stream', requireAuth, async (req, res) => {
  const stream = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: req.body.messages, stream: true });
  Readable.fromWeb(stream.toReadableStream() as never).pipe(res);
});
