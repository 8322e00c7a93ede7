import type { NextApiRequest, NextApiResponse } from 'next';
import { createUser, EmailTakenError } from '@/lib/users';
import { billing } from '@/lib/billing';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return res.status(405).json({ error: 'Method not allowed' });
  }

  const { email, password, name } = req.body ?? {};
  try {
    const user = createUser({ email, password, name: typeof name === 'string' ? name : '' });
    await billing.ensureCustomer({ externalId: user.id, email, name });
    return res.status(201).json({ user });
  } catch (err) {
    if (err instanceof EmailTakenError) {
      return res.status(409).json({ error: 'That email is already registered' });
    }
    throw err;
  }
}
