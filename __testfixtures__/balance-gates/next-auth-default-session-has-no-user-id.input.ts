import type { NextApiRequest, NextApiResponse } from 'next';
import { getServerSession } from 'next-auth/next';
import OpenAI from 'openai';
import { authOptions } from './auth/[...nextauth]';

const openai = new OpenAI();

// next-auth's default Session carries the user's name, email and image, not an id.
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, authOptions);
  if (!session) return res.status(401).json({ error: 'Sign in first' });
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: String(req.body.prompt) }] });
  res.status(200).json({ text: completion.choices[0]?.message.content, user: session.user?.email });
}
