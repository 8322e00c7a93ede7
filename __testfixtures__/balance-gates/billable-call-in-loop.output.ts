import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';
import { billing } from '../lib/billing.js';

export const outline = Router();

outline.post('/outline', requireAuth, async (req, res) => {
  const sections: string[] = [];
  const balance = await billing.checkBalance({ customer: { externalId: req.user?.id }, estimate: 0.01 });
  if (!balance.allowed) return res.status(402).json(balance.body);
  for (const heading of req.body.headings as string[]) {
    const part = await openai.responses.create({ model: 'gpt-4o-mini', input: `Write a paragraph on ${heading}` });
    sections.push(part.output_text);
  }
  res.json({ sections });
});
