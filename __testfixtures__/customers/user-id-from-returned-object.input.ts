import { Router } from 'express';
import { createUser } from '../services/users.js';

export const router = Router();

router.post('/signup', async (req, res) => {
  const { id, email } = await createUser({ email: req.body.email, password: req.body.password });
  req.session.userId = id;
  res.status(201).json({ id, email });
});
