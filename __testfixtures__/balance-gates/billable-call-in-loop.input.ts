import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';

export const outline = Router();

outline.post('/outline', requireAuth, async (req, res) => {
  const sections: string[] = [];
  for (const heading of req.body.headings as string[]) {
    const part = await openai.responses.create({ model: 'gpt-4o-mini', input: `Write a paragraph on ${heading}` });
    sections.push(part.output_text);
  }
  res.json({ sections });
});
