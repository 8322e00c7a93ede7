import { Router } from 'express';
import { requireAuth } from '../middleware/requireAuth.js';
import { openai } from '../lib/openai.js';
import { billing } from '../lib/billing.js';

export const answerRouter = Router();

// The helper does not see the user; its caller passes it, in the call's own layout.
async function retrieveAndAnswer(query: string, role: string, history?: string, userId?: string | number | null) {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `${role}: ${query} ${history ?? ''}` }] });
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

answerRouter.post('/answer', requireAuth, async (req, res) => {
  const answer = await retrieveAndAnswer(
    String(req.body.query),
    req.body.role || 'student',
    req.body.history,
    req.user?.id,
  );
  res.json({ answer, user: req.user?.id });
});
