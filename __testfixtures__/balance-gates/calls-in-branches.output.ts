import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';
import { billing } from '../lib/billing.js';

export const media = Router();

media.post('/media', requireAuth, async (req, res) => {
  const balance = await billing.checkBalance({ customer: { externalId: req.user?.id }, estimate: 0.05 });
  if (!balance.allowed) return res.status(402).json(balance.body);
  if (req.body.kind === 'image') {
    const image = await openai.images.generate({ model: 'gpt-image-1', prompt: req.body.prompt });
    return res.json({ url: image.data?.[0]?.url });
  } else {
    const text = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: req.body.prompt }] });
    return res.json({ text: text.choices[0]?.message.content });
  }
});
