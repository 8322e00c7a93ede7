import type { FastifyInstance } from 'fastify';
import { openai } from '../lib/openai';
import { billing } from '../lib/billing';

export default async function askRoutes(fastify: FastifyInstance) {
  fastify.addHook('preHandler', fastify.authenticate);

  fastify.post<{ Body: { question: string } }>(
    '/ask',
    { schema: { body: { type: 'object', required: ['question'], properties: { question: { type: 'string' } } } } },
    async (request, reply) => {
      const balance = await billing.checkBalance({ customer: { externalId: request.user?.id }, estimate: 0.01, session: request });
      if (!balance.allowed) return reply.code(402).send(balance.body);
      const completion = await openai.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: request.body.question }],
      });
      return reply.send({ answer: completion.choices[0]?.message?.content ?? '' });
    },
  );
}
