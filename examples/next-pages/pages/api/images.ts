import type { NextApiRequest, NextApiResponse } from 'next';
import { getServerSession } from 'next-auth/next';
import OpenAI from 'openai';
import { authOptions } from './auth/[...nextauth]';

const client = new OpenAI({ baseURL: process.env.OPENAI_BASE_URL });

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, authOptions);
  if (!session) return res.status(401).json({ error: 'You must be signed in' });
  if (req.method !== 'POST') return res.status(405).end();

  const { prompt } = req.body ?? {};
  if (typeof prompt !== 'string' || !prompt.trim()) {
    return res.status(400).json({ error: 'prompt is required' });
  }

  const result = await client.images.generate({
    model: 'gpt-image-1',
    prompt: `Product photo, clean background: ${prompt}`,
    size: '1024x1024',
  });

  const b64 = result.data?.[0]?.b64_json;
  if (!b64) return res.status(502).json({ error: 'No image returned' });
  res.status(200).json({ image: `data:image/png;base64,${b64}` });
}
