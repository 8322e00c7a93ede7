import type { FastifyInstance } from 'fastify';

interface AskBody {
  question: string;
}

interface BriefBody {
  topic: string;
  audience?: string;
}

const MODEL = process.env.OPENAI_MODEL ?? 'gpt-4o-mini';

export default async function researchRoutes(fastify: FastifyInstance) {
  // Everything in this plugin needs a signed-in user.
  fastify.addHook('preHandler', fastify.authenticate);

  fastify.post<{ Body: AskBody }>(
    '/ask',
    {
      schema: {
        body: { type: 'object', required: ['question'], properties: { question: { type: 'string', minLength: 1 } } },
      },
    },
    async (request) => {
      const completion = await request.server.openai.chat.completions.create({
        model: MODEL,
        messages: [
          { role: 'system', content: 'Answer research questions precisely and cite what you rely on.' },
          { role: 'user', content: request.body.question },
        ],
      });
      return { answer: completion.choices[0]?.message?.content ?? '' };
    },
  );

  fastify.post<{ Body: BriefBody }>(
    '/brief',
    {
      schema: {
        body: {
          type: 'object',
          required: ['topic'],
          properties: { topic: { type: 'string', minLength: 1 }, audience: { type: 'string' } },
        },
      },
    },
    async (request, reply) => {
      const response = await fastify.openai.responses.create({
        model: MODEL,
        instructions: `Write a one-page research brief for ${request.body.audience ?? 'a general audience'}.`,
        input: request.body.topic,
      });
      return reply.send({ brief: response.output_text });
    },
  );
}
