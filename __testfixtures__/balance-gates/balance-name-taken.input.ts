import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';
import { balance } from '../lib/ledger.js';

export const reports = Router();

reports.post('/reports', requireAuth, async (req, res) => {
  const totals = balance(req.body.entries);
  const report = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: `Explain these totals: ${JSON.stringify(totals)}` }],
  });
  res.json({ report: report.choices[0]?.message.content });
});
