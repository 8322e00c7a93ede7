import express from 'express';
import { openai } from '../lib/openai.js';
import { billing } from '../lib/billing.js';

const app = express();
app.use(express.json());

app.post('/api/answer', async (req, res) => {
  if (!req.session?.userId) {
    return res.status(401).json({ error: 'Sign in first' });
  }
  const question = String(req.body?.question ?? '').trim();
  if (!question) {
    return res.status(400).json({ error: 'question is required' });
  }
  const balance = await billing.checkBalance({ customer: { externalId: req.session?.userId }, estimate: 0.01, session: req });
  if (!balance.allowed) return res.status(402).json(balance.body);
  const answer = await openai.responses.create({ model: 'gpt-4o-mini', input: question });
  res.json({ answer: answer.output_text });
});

export default app;
