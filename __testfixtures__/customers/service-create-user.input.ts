import { Router } from 'express';
import { z } from 'zod';
import { createUser } from '../services/users.js';

export const router = Router();

const Signup = z.object({ email: z.string().email(), name: z.string(), password: z.string().min(8) });

router.post('/signup', async (req, res) => {
  const { email, name, password } = Signup.parse(req.body);
  const account = await createUser({ email, name, password });
  res.status(201).json({ account });
});
