import { createUIMessageStream, createUIMessageStreamResponse, streamText } from 'ai';
import { auth } from '@/app/(auth)/auth';
import { myProvider } from '@/lib/ai/providers';
import { billing } from '@/lib/billing';

export async function POST(request: Request) {
  const { messages } = await request.json();
  const session = await auth();
  if (!session?.user) {
    return new Response('Unauthorized', { status: 401 });
  }

  const balance = await billing.checkBalance({ customer: { externalId: session.user.id }, estimate: 0.01 });
  if (!balance.allowed) return Response.json(balance.body, { status: 402 });

  // The model runs inside the stream's execute, after the response has started.
  const stream = createUIMessageStream({
    execute: ({ writer }) => {
      const result = streamText({ model: myProvider.languageModel('chat-model'), messages });
      writer.merge(result.toUIMessageStream());
    },
  });
  return createUIMessageStreamResponse({ stream });
}
