import OpenAI from 'openai';
import { getSession } from '@/lib/session';
import { billing } from '@/lib/billing';
import { after } from 'next/server';

const openai = new OpenAI();

export async function POST(req: Request) {
  const session = await getSession();
  if (!session) return new Response('Unauthorized', { status: 401 });
  const { messages } = await req.json();
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages, stream: true, stream_options: { include_usage: true } });
  const encoder = new TextEncoder();
  const body = new ReadableStream({
    async start(controller) {
      let billed = false;
      try {
        for await (const chunk of completion) {
          if (chunk.usage) {
            billed = true;
            after(() => billing.trackUsage({
              customer: { externalId: session.userId },
              eventType: 'chat_completion',
              data: {
                total_tokens: chunk.usage?.total_tokens,
                input_tokens: chunk.usage?.prompt_tokens,
                output_tokens: chunk.usage?.completion_tokens,
                model: chunk.model,
              },
              subject: chunk.id,
            }));
          }
          controller.enqueue(encoder.encode(chunk.choices[0]?.delta?.content ?? ''));
        }
      } finally {
        // The stream stopped before it reported its usage: bill what is known (at least the estimate).
        if (!billed) {
          after(() => billing.trackUsage({
            customer: { externalId: session.userId },
            eventType: 'chat_completion',
            data: {
              partial: true,
              model: 'gpt-4o-mini',
            },
          }));
        }
      }
      controller.close();
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
