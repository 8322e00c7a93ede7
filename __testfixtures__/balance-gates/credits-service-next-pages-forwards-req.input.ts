import type { NextApiRequest, NextApiResponse } from 'next';
import { getServerSession } from 'next-auth/next';
import OpenAI from 'openai';
import { authOptions } from './auth/[...nextauth]';

const openai = new OpenAI();

type Data = { copy: string } | { error: string };

export default async function handler(req: NextApiRequest, res: NextApiResponse<Data>) {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return res.status(405).json({ error: 'Method not allowed' });
  }

  const session = await getServerSession(req, res, authOptions);
  if (!session) {
    return res.status(401).json({ error: 'You must be signed in' });
  }

  const { product } = req.body ?? {};
  if (typeof product !== 'string' || !product.trim()) {
    return res.status(400).json({ error: 'Describe the product' });
  }

  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: `Marketing copy for ${product}` }],
  });

  res.status(200).json({ copy: completion.choices[0].message.content ?? '' });
}
