import { Router } from 'express';
import { db } from '../models/index.js';

export const router = Router();

router.post('/signup', async (req, res) => {
  const { email, password, fullName } = req.body;
  const account = await db.User.create({ email, password, fullName });
  res.status(201).json({ id: account.id });
});
