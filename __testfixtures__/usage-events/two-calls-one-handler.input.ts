import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const storyRouter = Router();

storyRouter.post('/story', requireAuth, async (req, res) => {
  const outline = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Outline: ${req.body.idea}` }] });
  const story = await openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: `Write: ${outline.choices[0]?.message.content}` }],
  });
  const cover = await openai.images.generate({ model: 'dall-e-3', prompt: req.body.idea });
  res.json({ story: story.choices[0]?.message.content, cover: cover.data?.[0]?.url });
});
