import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';
import { billing } from '../lib/billing.js';
import { costOf } from '../lib/billing-costs.js';

export const imagesRouter = Router();

imagesRouter.post('/images', requireAuth, async (req, res) => {
  const result = await openai.images.generate({ model: 'gpt-image-1', prompt: req.body.prompt, n: 2 });
  void billing.trackUsage({
    customer: { externalId: req.user?.id },
    eventType: 'image_generation',
    data: {
      images: result.data?.length,
      model: 'gpt-image-1',
    },
    costs: costOf('openai', 'gpt-image-1', { images: result.data?.length }),
  });
  res.json({ images: result.data?.map((d) => d.b64_json) });
});
