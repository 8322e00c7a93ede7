import type { NextApiRequest, NextApiResponse } from 'next';
import { createUser, EmailTakenError } from '@/lib/users';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return res.status(405).json({ error: 'Method not allowed' });
  }

  const { email, password, name } = req.body ?? {};
  if (typeof email !== 'string' || !EMAIL.test(email)) {
    return res.status(400).json({ error: 'Enter a valid email address' });
  }
  if (typeof password !== 'string' || password.length < 8) {
    return res.status(400).json({ error: 'Password must be at least 8 characters' });
  }

  try {
    const user = createUser({ email, password, name: typeof name === 'string' ? name : '' });
    return res.status(201).json({ user });
  } catch (err) {
    if (err instanceof EmailTakenError) {
      return res.status(409).json({ error: 'That email is already registered' });
    }
    throw err;
  }
}
