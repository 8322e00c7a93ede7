import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { getSession } from '@/lib/session';
import { billing } from '@/lib/billing';
import { after } from 'next/server';

export async function POST(req: Request) {
  const session = await getSession();
  if (!session) return new Response('Unauthorized', { status: 401 });
  const { messages } = await req.json();
  const result = streamText({
    model: openai('gpt-4o'),
    messages,
    onFinish({ totalUsage, response }) {
      after(() => billing.trackUsage({
        customer: { externalId: session.userId },
        eventType: 'chat_completion',
        data: {
          total_tokens: totalUsage.totalTokens,
          input_tokens: totalUsage.inputTokens,
          output_tokens: totalUsage.outputTokens,
          model: response.modelId,
        },
        subject: response.id,
      }));
    },
    onAbort({ steps }) {
      // The client left mid-stream: bill the steps that finished (at least the estimate).
      after(() => billing.trackUsage({
        customer: { externalId: session.userId },
        eventType: 'chat_completion',
        data: {
          partial: true,
          total_tokens: steps.reduce((sum, step) => sum + (step.usage.totalTokens ?? 0), 0),
          input_tokens: steps.reduce((sum, step) => sum + (step.usage.inputTokens ?? 0), 0),
          output_tokens: steps.reduce((sum, step) => sum + (step.usage.outputTokens ?? 0), 0),
        },
      }));
    },
    onError({ error }) {
      console.error(error);
      // The provider failed mid-stream, its usage unknown: bill at least the estimate.
      after(() => billing.trackUsage({
        customer: { externalId: session.userId },
        eventType: 'chat_completion',
        data: {
          partial: true,
        },
      }));
    },
  });
  return result.toUIMessageStreamResponse();
}
