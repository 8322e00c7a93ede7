import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { getSession } from '@/lib/session';
import { billing } from '@/lib/billing';
import { after } from 'next/server';

export async function POST(req: Request) {
  const session = await getSession();
  if (!session) return new Response(null, { status: 401 });
  const { prompt } = await req.json();
  const result = streamText({
    model: openai('gpt-4o-mini'),
    prompt,
    onFinish: ({ text, totalUsage, response }) => {
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
      return console.log('finished', text.length);
    },
  });
  return result.toTextStreamResponse();
}
