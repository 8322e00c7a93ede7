import { Router } from 'express';
import { db } from '../lib/db.js';
import { startSession } from '../lib/session.js';

export const authRouter = Router();

authRouter.post('/signup', async (req, res) => {
  const user = await db.user.create({ data: { email: req.body.email, name: req.body.name } });
  await startSession(res, user.id);
  res.status(201).json({
    user: { id: user.id, email: user.email },
    onboarding: true
  });
});
