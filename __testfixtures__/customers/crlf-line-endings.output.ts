import { Router } from 'express';
import { db } from '../lib/db.js';
import { billing } from '../lib/billing.js';

export const authRouter = Router();

// Windows line endings: offsets from detection differ from the LF text the transform sees.
authRouter.post('/health', (req, res) => {
  res.send('ok');
});

authRouter.post('/signup', async (req, res) => {
  const user = await db.user.create({ data: { email: req.body.email } });
  await billing.ensureCustomer({ externalId: user.id, email: user.email });
  res.status(201).json({ id: user.id });
});
