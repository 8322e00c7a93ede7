import { Router } from 'express';
import { auth } from '../lib/auth.js';

export const signupRouter = Router();

// A JSON signup for the mobile app, through better-auth's own API.
signupRouter.post('/signup', async (req, res) => {
  const result = await auth.api.signUpEmail({ body: { email: req.body.email, password: req.body.password, name: req.body.name } });
  res.status(201).json({ id: result.user.id });
});
