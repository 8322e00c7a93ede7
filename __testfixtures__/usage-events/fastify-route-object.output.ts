import type { FastifyInstance } from 'fastify';
import { anthropic } from '../lib/anthropic.js';
import { billing } from '../lib/billing.js';

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
      void billing.trackUsage({
        customer: { externalId: request.user?.id },
        eventType: 'chat_completion',
        data: {
          total_tokens: message.usage.input_tokens + message.usage.output_tokens,
          input_tokens: message.usage.input_tokens,
          output_tokens: message.usage.output_tokens,
          model: message.model,
        },
        subject: message.id,
      });
      reply.send({ summary: message.content });
    },
  });
}
