import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';
import { billing } from '../lib/billing.js';

export const imagesRouter = Router();

imagesRouter.post('/images', requireAuth, async (req, res) => {
  const result = await openai.images.generate({ model: 'dall-e-3', prompt: req.body.prompt, size: '1024x1792', quality: 'hd' });
  void billing.trackUsage({
    customer: { externalId: req.user?.id },
    eventType: 'image_generation',
    data: {
      images: result.data?.length,
      model: 'dall-e-3',
    },
  });
  res.json({ images: result.data?.map((d) => d.b64_json) });
});
