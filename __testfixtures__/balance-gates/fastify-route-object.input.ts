import type { FastifyInstance } from 'fastify';
import { openai } from '../lib/openai';

export default async function briefRoutes(fastify: FastifyInstance) {
  fastify.route<{ Body: { topic: string } }>({
    method: 'POST',
    url: '/brief',
    preHandler: fastify.authenticate,
    handler: async (request, reply) => {
      const response = await openai.responses.create({ model: 'gpt-4o-mini', input: request.body.topic });
      reply.send({ brief: response.output_text });
    },
  });
}
