import type { Request, Response } from 'express';
import { openai } from '../lib/openai.js';
import { billing } from '../lib/billing.js';

export async function rewrite(req: Request, res: Response) {
  const { text } = req.body as { text?: string };
  if (!text) return res.status(400).json({ error: 'text is required' });
  const balance = await billing.checkBalance({ customer: { externalId: req.user?.id }, estimate: 0.01 });
  if (!balance.allowed) return res.status(402).json(balance.body);
  const result = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: `Rewrite: ${text}` }],
  });
  return res.json({ text: result.choices[0]?.message.content });
}
