import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { getSession } from '@/lib/session';
import { saveChat } from '@/lib/chats';
import { billing } from '@/lib/billing';
import { after } from 'next/server';

export async function POST(req: Request) {
  const session = await getSession();
  if (!session) return new Response(null, { status: 401 });
  const { id, messages } = await req.json();
  const result = streamText({
    model: openai('gpt-4o-mini'),
    messages,
    onFinish: async (event) => {
      after(() => billing.trackUsage({
        customer: { externalId: session.userId },
        eventType: 'chat_completion',
        data: {
          total_tokens: event.totalUsage.totalTokens,
          input_tokens: event.totalUsage.inputTokens,
          output_tokens: event.totalUsage.outputTokens,
          model: event.response.modelId,
        },
        subject: event.response.id,
      }));
      await saveChat(id, event.text);
    },
  });
  return result.toTextStreamResponse();
}
