import type { FastifyInstance } from 'fastify';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { StringOutputParser } from '@langchain/core/output_parsers';
import { billing } from '../lib/billing';

const prompt = ChatPromptTemplate.fromTemplate('Answer briefly: {question}');

export default async function chatRoutes(fastify: FastifyInstance) {
  fastify.addHook('preHandler', fastify.authenticate);

  // The model's own message reports its token usage.
  fastify.post<{ Body: { question: string } }>('/ask', async (request) => {
    const message = await fastify.llm.invoke(request.body.question);
    void billing.trackUsage({
      customer: { externalId: request.user?.id },
      eventType: 'chat_completion',
      data: {
        total_tokens: message.usage_metadata?.total_tokens,
        input_tokens: message.usage_metadata?.input_tokens,
        output_tokens: message.usage_metadata?.output_tokens,
        model: message.response_metadata?.model_name ?? message.response_metadata?.model,
      },
      subject: message.id,
    });
    return { answer: message.content };
  });

  // A chain ending in a parser returns a string: no usage to read.
  fastify.post<{ Body: { question: string } }>('/brief', async (request) => {
    const chain = prompt.pipe(fastify.llm).pipe(new StringOutputParser());
    const answer = await chain.invoke({ question: request.body.question });
    // TODO(billing-codemod): set data.total_tokens, data.model of this chat_completion event: langchain:invoke's result does not report them
    void billing.trackUsage({
      customer: { externalId: request.user?.id },
      eventType: 'chat_completion',
    });
    return { answer };
  });
}
