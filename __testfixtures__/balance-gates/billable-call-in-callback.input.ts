import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const batch = Router();

batch.post('/translate', requireAuth, async (req, res) => {
  const lines: string[] = req.body.lines ?? [];
  const translated = await Promise.all(
    lines.map(async (line) => {
      const out = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Translate: ${line}` }] });
      return out.choices[0]?.message.content ?? '';
    }),
  );
  res.json({ translated });
});
