import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { getSession } from '@/lib/session';
import { billing } from '@/lib/billing';
import { after } from 'next/server';

export async function POST(req: Request) {
  const session = await getSession();
  if (!session) return new Response('Unauthorized', { status: 401 });
  const { messages, reasoning } = await req.json();
  // Multi-line option values: adding onFinish must not re-lay out the options around them.
  const result = streamText({
    model: openai('gpt-4o'),
    system:
      'You are a friendly assistant. Keep your answers short and to the point.',
    messages,
    providerOptions: reasoning
      ? {
          openai: { reasoningEffort: 'low' },
        }
      : undefined,
    experimental_telemetry: { isEnabled: false },
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
