import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';
import { billing } from '../lib/billing.js';

export const speechRouter = Router();

// Text to speech reports no usage: it is priced per character of the input the request sent.
speechRouter.post('/speech', requireAuth, async (req, res) => {
  const text = String(req.body.text);
  const model = 'tts-1';
  const mp3 = await openai.audio.speech.create({ model, voice: 'alloy', input: text });
  void billing.trackUsage({
    customer: { externalId: req.user?.id },
    eventType: 'audio_processing',
  });
  res.type('audio/mpeg').send(Buffer.from(await mp3.arrayBuffer()));
});
