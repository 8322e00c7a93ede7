import { Router } from 'express';
import { prisma } from '../lib/prisma.js';

export const router = Router();

router.post('/signup', async (req, res) => {
  // TODO(billing-codemod): POST /signup: keep the new user in a variable and create the billing customer after it
  res.status(201).json(await prisma.user.create({ data: { email: req.body.email } }));
});
