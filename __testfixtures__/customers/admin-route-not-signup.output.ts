import { Router } from 'express';
import { db } from '../lib/db.js';
import { requireAdmin } from '../middleware/auth.js';

export const adminRouter = Router();

adminRouter.post('/team/members', requireAdmin, async (req, res) => {
  const user = await db.user.create({ data: { email: req.body.email, role: 'member' } });
  res.status(201).json({ id: user.id });
});
