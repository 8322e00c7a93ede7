import { Router } from 'express';
import { requireAuth } from '../middleware/requireAuth.js';
import { openai } from '../lib/openai.js';

export const answerRouter = Router();

// The helper does not see the user; its caller passes it, in the call's own layout.
async function retrieveAndAnswer(query: string, role: string, history?: string) {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `${role}: ${query} ${history ?? ''}` }] });
  return completion.choices[0]?.message.content ?? '';
}

answerRouter.post('/answer', requireAuth, async (req, res) => {
  const answer = await retrieveAndAnswer(
    String(req.body.query),
    req.body.role || 'student',
    req.body.history,
  );
  res.json({ answer, user: req.user?.id });
});
