import { Router } from 'express';
import Replicate from 'replicate';
import { requireAuth } from '../middleware/requireAuth.js';
import { billing } from '../lib/billing.js';

const replicate = new Replicate();
export const imageRouter = Router();

imageRouter.post('/upscale', requireAuth, async (req, res) => {
  const output = await replicate.run('nightmareai/real-esrgan', { input: { image: req.body.url } });
  void billing.trackUsage({
    customer: { externalId: req.user?.id },
    eventType: 'model_run',
    data: {
      model: 'nightmareai/real-esrgan',
    },
  });
  res.json({ output });
});

imageRouter.post('/predict', requireAuth, async (req, res) => {
  const prediction = await replicate.predictions.create({ model: 'black-forest-labs/flux-schnell', input: { prompt: req.body.prompt } });
  void billing.trackUsage({
    customer: { externalId: req.user?.id },
    eventType: 'model_run',
    data: {
      model: prediction.model,
    },
    subject: prediction.id,
  });
  res.json({ id: prediction.id });
});
