import type { FastifyInstance } from 'fastify';
import { openai } from '../lib/openai';
import { billing } from '../lib/billing';

export default async function researchRoutes(fastify: FastifyInstance) {
  fastify.addHook('preHandler', fastify.authenticate);

  // Returns its answer; the tool adds the `reply` parameter the 402 needs.
  fastify.post<{ Body: { question: string } }>('/research/ask', async (request, reply) => {
    const balance = await billing.checkBalance({ customer: { externalId: request.user?.id }, estimate: 0.01 });
    if (!balance.allowed) return reply.code(402).send(balance.body);
    const completion = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: request.body.question }],
    });
    return { answer: completion.choices[0]?.message?.content ?? '' };
  });
}
