import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const translateRouter = Router();

translateRouter.post('/translate', requireAuth, async (req, res) => {
  const languages: string[] = req.body.languages;
  const results = await Promise.all(
    languages.map(async (language) => {
      const completion = await openai.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: `Translate to ${language}: ${req.body.text}` }],
      });
      return completion.choices[0]?.message.content;
    }),
  );
  res.json({ results });
});
