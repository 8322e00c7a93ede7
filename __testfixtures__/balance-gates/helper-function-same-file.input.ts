import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const recap = Router();

async function summarize(text: string) {
  const out = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Summarize: ${text}` }] });
  return out.choices[0]?.message.content ?? '';
}

recap.post('/recap', requireAuth, async (req, res) => {
  const text = String(req.body.text ?? '');
  if (!text) return res.status(400).json({ error: 'text is required' });
  res.json({ summary: await summarize(text) });
});
