import type { NextApiRequest, NextApiResponse } from 'next';
import { getServerSession } from 'next-auth/next';
import OpenAI from 'openai';
import { authOptions } from './auth/[...nextauth]';

const openai = new OpenAI();

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, authOptions);
  if (!session?.user?.email) return res.status(401).json({ error: 'Login first' });
  const result = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: req.body.prompt }] });
  res.status(200).json({ text: result.choices[0]?.message.content });
}
