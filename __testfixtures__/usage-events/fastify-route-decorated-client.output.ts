import type { FastifyInstance } from 'fastify';
import { billing } from '../lib/billing';

const MODEL = process.env.OPENAI_MODEL ?? 'gpt-4o-mini';

export default async function researchRoutes(fastify: FastifyInstance) {
  fastify.addHook('preHandler', fastify.authenticate);

  fastify.post<{ Body: { question: string } }>('/ask', async (request) => {
    const completion = await request.server.openai.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: request.body.question }],
    });
    void billing.trackUsage({
      customer: { externalId: request.user?.id },
      eventType: 'chat_completion',
      data: {
        total_tokens: completion.usage?.total_tokens,
        input_tokens: completion.usage?.prompt_tokens,
        output_tokens: completion.usage?.completion_tokens,
        model: completion.model,
      },
      subject: completion.id,
    });
    return { answer: completion.choices[0]?.message?.content ?? '' };
  });

  fastify.post<{ Body: { topic: string } }>('/brief', async (request, reply) => {
    const response = await fastify.openai.responses.create({ model: MODEL, input: request.body.topic });
    void billing.trackUsage({
      customer: { externalId: request.user?.id },
      eventType: 'chat_completion',
      data: {
        total_tokens: response.usage?.total_tokens,
        input_tokens: response.usage?.input_tokens,
        output_tokens: response.usage?.output_tokens,
        model: response.model,
      },
      subject: response.id,
    });
    return reply.send({ brief: response.output_text });
  });
}
