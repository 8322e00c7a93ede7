import jwt from 'jsonwebtoken';
import OpenAI from 'openai';
import { billing } from '../../lib/billing.js';

const openai = new OpenAI();

// The preHandler puts the id itself on the request, not a user object.
const authenticate = async (request, reply) => {
  const token = request.headers.authorization?.replace('Bearer ', '');
  if (!token) return reply.code(401).send({ error: 'Unauthorized' });
  const decodedToken = jwt.verify(token, process.env.JWT_SECRET);
  request.userId = decodedToken.userId;
};

export default async function quickEntryRoutes(app) {
  app.post('/quickEntry', { preHandler: authenticate }, async (request, reply) => {
    const balance = await billing.checkBalance({ customer: { externalId: request.userId }, estimate: 0.01 });
    if (!balance.allowed) return reply.code(402).send(balance.body);
    const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: request.body.text }] });
    reply.send({ entry: completion.choices[0].message.content });
  });
}
