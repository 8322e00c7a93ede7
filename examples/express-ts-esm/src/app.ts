import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import { authRouter } from './routes/auth.js';
import { chatRouter } from './routes/chat.js';

export const app = express();

app.use(express.json({ limit: '1mb' }));
app.use(cookieParser());

app.get('/health', (_req, res) => {
  res.json({ ok: true });
});

app.use('/api/auth', authRouter);
app.use('/api/chat', chatRouter);

app.use((err: Error, _req: Request, res: Response, _next: NextFunction) => {
  console.error(err);
  if (!res.headersSent) {
    res.status(500).json({ error: 'Something went wrong' });
  } else {
    res.end();
  }
});
