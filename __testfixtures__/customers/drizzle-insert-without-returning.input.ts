import { Router } from 'express';
import { db } from '../db/index.js';
import { users } from '../db/schema.js';

export const router = Router();

router.post('/signup', async (req, res) => {
  const { email, name } = req.body;
  await db.insert(users).values({ email, name });
  res.status(201).end();
});
