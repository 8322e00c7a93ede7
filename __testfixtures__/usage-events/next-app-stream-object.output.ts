import { streamObject } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
import { getSession } from '@/lib/session';
import { billing } from '@/lib/billing';
import { after } from 'next/server';

const recipe = z.object({ name: z.string(), steps: z.array(z.string()) });

export async function POST(req: Request) {
  const session = await getSession();
  if (!session?.userId) return new Response(null, { status: 401 });
  const { dish } = await req.json();
  const result = streamObject({
    model: openai('gpt-4o-mini'),
    schema: recipe,
    prompt: `A recipe for ${dish}`,
    onFinish({ usage, response }) {
      after(() => billing.trackUsage({
        customer: { externalId: session.userId },
        eventType: 'chat_completion',
        data: {
          total_tokens: usage.totalTokens,
          input_tokens: usage.inputTokens,
          output_tokens: usage.outputTokens,
          model: response.modelId,
        },
        subject: response.id,
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
  return result.toTextStreamResponse();
}
