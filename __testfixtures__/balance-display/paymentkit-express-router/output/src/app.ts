import express from 'express';
import { authRouter } from './routes/auth.js';
import { chatRouter } from './routes/chat.js';
import { billingBalanceRouter } from './routes/billing-balance.js';

export const app = express();
app.use(express.json());

app.use('/api/auth', authRouter);
app.use('/api/chat', chatRouter);
app.use('/api/billing', billingBalanceRouter);

app.use((_req, res) => {
  res.status(404).json({ error: 'Not found' });
});
