import { Router } from 'express';
import { openai } from '../lib/openai.js';

export const notesRouter = Router();

notesRouter.post('/notes/summary', async (req, res) => {
  if (!req.session.userId) return res.status(401).end();
  const notes = await loadNotes(req.session.userId);
  const completion = await openai.chat.completions.create({
    model: process.env.MODEL ?? 'gpt-4o-mini',
    messages: [{ role: 'user', content: notes.join('\n') }],
  });
  res.json({ summary: completion.choices[0]?.message.content });
});

declare function loadNotes(userId: string): Promise<string[]>;
