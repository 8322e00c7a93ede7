import type { FastifyInstance } from 'fastify';
import { anthropic } from '../lib/anthropic.js';

export default async function routes(fastify: FastifyInstance) {
  fastify.route({
    method: 'POST',
    url: '/summaries',
    preHandler: fastify.authenticate,
    handler: async (request, reply) => {
      const message = await anthropic.messages.create({
        model: 'claude-sonnet-4-5',
        max_tokens: 1024,
        messages: [{ role: 'user', content: String((request.body as { text: string }).text) }],
      });
      reply.send({ summary: message.content });
    },
  });
}
