import { Router } from 'express';
import { openai } from '../lib/openai.js';
import { requireAuth } from '../middleware/requireAuth.js';
import { balance } from '../lib/ledger.js';
import { billing } from '../lib/billing.js';

export const reports = Router();

reports.post('/reports', requireAuth, async (req, res) => {
  const totals = balance(req.body.entries);
  const balance2 = await billing.checkBalance({ customer: { externalId: req.user?.id }, estimate: 0.01 });
  if (!balance2.allowed) return res.status(402).json(balance2.body);
  const report = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: `Explain these totals: ${JSON.stringify(totals)}` }],
  });
  res.json({ report: report.choices[0]?.message.content });
});
