import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';
import { countToday } from '../lib/usage.js';

export const drafts = Router();

const DAILY_LIMIT = 50;

drafts.post('/drafts', requireAuth, async (req, res) => {
  const used = await countToday(req.user!.id);
  if (used >= DAILY_LIMIT) {
    return res.status(429).json({ error: 'Daily limit reached, try again tomorrow' });
  }

  const draft = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: req.body.prompt }],
  });
  res.json({ draft: draft.choices[0]?.message.content });
});
