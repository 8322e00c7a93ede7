import type { Request, Response } from 'express';
import { openai } from '../lib/openai.js';

export async function rewrite(req: Request, res: Response) {
  const { text } = req.body as { text?: string };
  if (!text) return res.status(400).json({ error: 'text is required' });
  const result = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: `Rewrite: ${text}` }],
  });
  return res.json({ text: result.choices[0]?.message.content });
}
