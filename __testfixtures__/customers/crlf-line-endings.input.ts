import { Router } from 'express';
import { db } from '../lib/db.js';

export const authRouter = Router();

// Windows line endings: offsets from detection differ from the LF text the transform sees.
authRouter.post('/health', (req, res) => {
  res.send('ok');
});

authRouter.post('/signup', async (req, res) => {
  const user = await db.user.create({ data: { email: req.body.email } });
  res.status(201).json({ id: user.id });
});
