import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const reportsRouter = Router();

async function draftReport(topic: string, userId: string) {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: topic }] });
  return completion.choices[0]?.message.content ?? '';
}

reportsRouter.post('/reports', requireAuth, async (req, res) => {
  res.json({ report: await draftReport(req.body.topic, req.user!.id) });
});
