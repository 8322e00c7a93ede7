import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const media = Router();

media.post('/media', requireAuth, async (req, res) => {
  if (req.body.kind === 'image') {
    const image = await openai.images.generate({ model: 'gpt-image-1', prompt: req.body.prompt });
    return res.json({ url: image.data?.[0]?.url });
  } else {
    const text = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: req.body.prompt }] });
    return res.json({ text: text.choices[0]?.message.content });
  }
});
