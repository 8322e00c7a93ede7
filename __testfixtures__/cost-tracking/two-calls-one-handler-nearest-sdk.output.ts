import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';
import { billing } from '../lib/billing.js';
import { costOf } from '../lib/billing-costs.js';

export const storyRouter = Router();

storyRouter.post('/story', requireAuth, async (req, res) => {
  const outline = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Outline: ${req.body.idea}` }] });
  void billing.trackUsage({
    customer: { externalId: req.user?.id },
    eventType: 'chat_completion',
    data: {
      total_tokens: outline.usage?.total_tokens,
      input_tokens: outline.usage?.prompt_tokens,
      output_tokens: outline.usage?.completion_tokens,
      model: outline.model,
    },
    costs: costOf('openai', outline.model, outline.usage),
    subject: outline.id,
  });
  const story = await openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: `Write: ${outline.choices[0]?.message.content}` }],
  });
  void billing.trackUsage({
    customer: { externalId: req.user?.id },
    eventType: 'chat_completion',
    data: {
      total_tokens: story.usage?.total_tokens,
      input_tokens: story.usage?.prompt_tokens,
      output_tokens: story.usage?.completion_tokens,
      model: story.model,
    },
    costs: costOf('openai', story.model, story.usage),
    subject: story.id,
  });
  const cover = await openai.images.generate({ model: 'dall-e-3', prompt: req.body.idea });
  void billing.trackUsage({
    customer: { externalId: req.user?.id },
    eventType: 'image_generation',
    data: {
      images: cover.data?.length,
      model: 'dall-e-3',
    },
    costs: costOf('openai', 'dall-e-3', { images: cover.data?.length }),
  });
  res.json({ story: story.choices[0]?.message.content, cover: cover.data?.[0]?.url });
});
