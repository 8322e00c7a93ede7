import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';
import { billing } from '../lib/billing.js';

export const translateRouter = Router();

translateRouter.post('/translate', requireAuth, async (req, res) => {
  const languages: string[] = req.body.languages;
  const results = await Promise.all(
    languages.map(async (language) => {
      const completion = await openai.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: `Translate to ${language}: ${req.body.text}` }],
      });
      void billing.trackUsage({
        customer: { externalId: req.user?.id },
        eventType: 'chat_completion',
        data: {
          total_tokens: completion.usage?.total_tokens,
          input_tokens: completion.usage?.prompt_tokens,
          output_tokens: completion.usage?.completion_tokens,
          model: completion.model,
        },
        subject: completion.id,
      });
      return completion.choices[0]?.message.content;
    }),
  );
  res.json({ results });
});
