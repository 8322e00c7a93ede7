import type { NextApiRequest, NextApiResponse } from 'next';
import OpenAI from 'openai';

const openai = new OpenAI();

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const image = await openai.images.generate({ model: 'gpt-image-1', prompt: req.body.prompt });
  res.status(200).json(image);
}
