import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const titles = Router();

titles.post('/titles', requireAuth, async (req, res) => {
  async function suggest(text: string) {
    const out = await openai.responses.create({ model: 'gpt-4o-mini', input: `Three titles for: ${text}` });
    return out.output_text;
  }

  if (!req.body.text) return res.status(400).json({ error: 'text is required' });
  res.json({ titles: await suggest(req.body.text) });
});
