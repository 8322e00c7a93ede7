import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';
import { billing } from '../lib/billing.js';
import { costOf } from '../lib/billing-costs.js';

export const searchRouter = Router();

searchRouter.post('/search', requireAuth, async (req, res) => {
  const embedding = await openai.embeddings.create({ model: 'text-embedding-3-small', input: req.body.query });
  void billing.trackUsage({
    customer: { externalId: req.user?.id },
    eventType: 'embedding',
    data: {
      total_tokens: embedding.usage.total_tokens,
      input_tokens: embedding.usage.prompt_tokens,
      model: embedding.model,
    },
    costs: costOf('openai', embedding.model, embedding.usage),
  });
  res.json({ vector: embedding.data[0]?.embedding });
});
