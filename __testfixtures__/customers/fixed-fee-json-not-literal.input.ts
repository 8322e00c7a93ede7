import { Router } from 'express';
import { db } from '../lib/db.js';

export const authRouter = Router();

authRouter.post('/signup', async (req, res) => {
  const user = await db.user.create({ data: { email: req.body.email } });
  res.status(201).json(user);
});
