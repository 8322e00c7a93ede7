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
  });
  return result.toUIMessageStreamResponse();
}
