import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';
import { billing } from '../lib/billing.js';

export const reportsRouter = Router();

async function draftReport(topic: string, userId: string) {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: topic }] });
  void billing.trackUsage({
    customer: { externalId: userId },
    eventType: 'chat_completion',
    data: {
      total_tokens: completion.usage?.total_tokens,
      input_tokens: completion.usage?.prompt_tokens,
      output_tokens: completion.usage?.completion_tokens,
      model: completion.model,
    },
    subject: completion.id,
  });
  return completion.choices[0]?.message.content ?? '';
}

reportsRouter.post('/reports', requireAuth, async (req, res) => {
  res.json({ report: await draftReport(req.body.topic, req.user!.id) });
});
