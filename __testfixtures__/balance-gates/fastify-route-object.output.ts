import type { FastifyInstance } from 'fastify';
import { openai } from '../lib/openai';
import { billing } from '../lib/billing';

export default async function briefRoutes(fastify: FastifyInstance) {
  fastify.route<{ Body: { topic: string } }>({
    method: 'POST',
    url: '/brief',
    preHandler: fastify.authenticate,
    handler: async (request, reply) => {
      const balance = await billing.checkBalance({ customer: { externalId: request.user?.id }, estimate: 0.01 });
      if (!balance.allowed) return reply.code(402).send(balance.body);
      const response = await openai.responses.create({ model: 'gpt-4o-mini', input: request.body.topic });
      reply.send({ brief: response.output_text });
    },
  });
}
