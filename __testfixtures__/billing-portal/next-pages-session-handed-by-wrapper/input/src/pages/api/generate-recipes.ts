import type { NextApiRequest, NextApiResponse } from 'next';
import OpenAI from 'openai';
import { apiMiddleware } from '../../lib/apiMiddleware';

const openai = new OpenAI();

const handler = async (req: NextApiRequest, res: NextApiResponse, session: any) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: req.body.ingredients }] });
  res.status(200).json({ recipes: completion.choices[0]?.message.content, owner: session.user.id });
};

export default apiMiddleware(['POST'], handler);
