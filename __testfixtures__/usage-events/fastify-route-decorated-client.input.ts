import type { FastifyInstance } from 'fastify';

const MODEL = process.env.OPENAI_MODEL ?? 'gpt-4o-mini';

export default async function researchRoutes(fastify: FastifyInstance) {
  fastify.addHook('preHandler', fastify.authenticate);

  fastify.post<{ Body: { question: string } }>('/ask', async (request) => {
    const completion = await request.server.openai.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: request.body.question }],
    });
    return { answer: completion.choices[0]?.message?.content ?? '' };
  });

  fastify.post<{ Body: { topic: string } }>('/brief', async (request, reply) => {
    const response = await fastify.openai.responses.create({ model: MODEL, input: request.body.topic });
    return reply.send({ brief: response.output_text });
  });
}
