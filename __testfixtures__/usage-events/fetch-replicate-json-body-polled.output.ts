import type { NextApiRequest, NextApiResponse } from 'next';
import { getServerSession } from 'next-auth/next';
import { authOptions } from './auth/[...nextauth]';
import { billing } from '../../lib/billing';

type Data = string | null;

export default async function handler(req: NextApiRequest, res: NextApiResponse<Data>) {
  const session = await getServerSession(req, res, authOptions);
  if (!session || !session.user) {
    return res.status(500).json('Login to upload.');
  }

  const imageUrl = req.body.imageUrl;
  // POST starts the prediction; the GETs below only poll it.
  const startResponse = await fetch('https://api.replicate.com/v1/predictions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Token ' + process.env.REPLICATE_API_KEY },
    body: JSON.stringify({ version: '9283608cc6b7be6b65a8e44983db012355fde4132009bf99d976b2f0896856a3', input: { img: imageUrl } }),
  });
  const jsonStartResponse = await startResponse.json();
  void billing.trackUsage({
    customer: { externalId: session.user.id },
    eventType: 'model_run',
    data: {
      model: jsonStartResponse?.model,
    },
    subject: jsonStartResponse?.id,
  });
  const endpointUrl = jsonStartResponse.urls.get;

  let restoredImage: string | null = null;
  while (!restoredImage) {
    const finalResponse = await fetch(endpointUrl, { method: 'GET', headers: { Authorization: 'Token ' + process.env.REPLICATE_API_KEY } });
    const jsonFinalResponse = await finalResponse.json();
    if (jsonFinalResponse.status === 'succeeded') {
      restoredImage = jsonFinalResponse.output;
    } else if (jsonFinalResponse.status === 'failed') {
      break;
    } else {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  res.status(200).json(restoredImage ? restoredImage : 'Failed to restore image');
}
