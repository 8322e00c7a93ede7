import type { NextApiRequest, NextApiResponse } from 'next';
import { getServerSession } from 'next-auth/next';
import OpenAI from 'openai';
import { authOptions } from './auth/[...nextauth]';
import { billing } from '@/lib/billing';

const client = new OpenAI();

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, authOptions);
  if (!session) return res.status(401).json({ error: 'You must be signed in' });

  const result = await client.images.generate({ model: 'gpt-image-1', prompt: String(req.body.prompt), size: '1024x1024' });
  void billing.trackUsage({
    customer: { externalId: session.user.id },
    eventType: 'image_generation',
    data: {
      images: result.data?.length,
      model: 'gpt-image-1',
    },
  });
  res.status(200).json({ image: result.data?.[0]?.b64_json });
}
