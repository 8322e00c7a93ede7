import { Router } from 'express';
import { prisma } from '../lib/prisma.js';

export const router = Router();

router.post('/signup', async (req, res) => {
  res.status(201).json(await prisma.user.create({ data: { email: req.body.email } }));
});
