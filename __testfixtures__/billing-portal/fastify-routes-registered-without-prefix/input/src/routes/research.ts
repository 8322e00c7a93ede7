import type { FastifyInstance } from 'fastify';
import OpenAI from 'openai';

const openai = new OpenAI();

export default async function researchRoutes(fastify: FastifyInstance) {
  fastify.post<{ Body: { question: string } }>('/api/research/ask', { preHandler: fastify.authenticate }, async (request) => {
    const answer = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: request.body.question }] });
    return { answer: answer.choices[0]?.message.content, user: request.user?.id };
  });
}
