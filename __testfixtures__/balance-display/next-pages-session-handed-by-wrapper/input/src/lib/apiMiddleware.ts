import type { NextApiRequest, NextApiResponse } from 'next';
import { getServerSession } from 'next-auth/next';
import { authOptions } from '../pages/api/auth/[...nextauth]';

export function apiMiddleware(allowedMethods: string[], handler: (req: NextApiRequest, res: NextApiResponse, session: any) => Promise<void>) {
  return async (req: NextApiRequest, res: NextApiResponse) => {
    if (!allowedMethods.includes(req.method!)) {
      res.setHeader('Allow', allowedMethods);
      return res.status(405).json({ error: `Method ${req.method} Not Allowed` });
    }
    const session = await getServerSession(req, res, authOptions);
    if (!session) return res.status(401).json({ error: 'You must be logged in.' });
    await handler(req, res, session);
  };
}
