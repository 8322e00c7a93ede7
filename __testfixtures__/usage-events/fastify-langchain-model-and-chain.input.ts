import type { FastifyInstance } from 'fastify';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { StringOutputParser } from '@langchain/core/output_parsers';

const prompt = ChatPromptTemplate.fromTemplate('Answer briefly: {question}');

export default async function chatRoutes(fastify: FastifyInstance) {
  fastify.addHook('preHandler', fastify.authenticate);

  // The model's own message reports its token usage.
  fastify.post<{ Body: { question: string } }>('/ask', async (request) => {
    const message = await fastify.llm.invoke(request.body.question);
    return { answer: message.content };
  });

  // A chain ending in a parser returns a string: no usage to read.
  fastify.post<{ Body: { question: string } }>('/brief', async (request) => {
    const chain = prompt.pipe(fastify.llm).pipe(new StringOutputParser());
    const answer = await chain.invoke({ question: request.body.question });
    return { answer };
  });
}
