import { Router } from 'express';
import { pool } from '../db.js';
import { billing } from '../lib/billing.js';

export const router = Router();

router.post('/signup', async (req, res) => {
  const { email, name } = req.body;
  const { rows: [user] } = await pool.query(
    'INSERT INTO users (email, name) VALUES ($1, $2) RETURNING id',
    [email, name],
  );
  await billing.ensureCustomer({ externalId: user.id, email, name });
  res.status(201).json({ id: user.id });
});
