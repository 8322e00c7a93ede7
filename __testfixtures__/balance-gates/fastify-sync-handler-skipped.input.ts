import type { FastifyInstance } from 'fastify';
import { openai } from '../lib/openai';

export default async function tagRoutes(fastify: FastifyInstance) {
  fastify.addHook('preHandler', fastify.authenticate);

  fastify.post<{ Body: { text: string } }>('/tags', (request, reply) => {
    openai.responses
      .create({ model: 'gpt-4o-mini', input: `Tags for: ${request.body.text}` })
      .then((out) => reply.send({ tags: out.output_text.split(',') }), (err) => reply.send(err));
  });
}
