import type { FastifyInstance } from 'fastify';
import OpenAI from 'openai';
import { verifyToken } from '../services/auth';

const openai = new OpenAI();

export default async function researchRoutes(fastify: FastifyInstance) {
  fastify.post<{ Body: { question: string } }>('/ask', async (request, reply) => {
    let userId: string | null = null;
    const token = request.headers.authorization?.replace('Bearer ', '');
    if (token) {
      const user = await verifyToken(token);
      if (user) userId = user.id;
    }
    if (!userId) return reply.code(401).send({ error: 'Unauthorized' });
    const answer = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: request.body.question }] });
    return { answer: answer.choices[0]?.message.content, user: userId };
  });
}
