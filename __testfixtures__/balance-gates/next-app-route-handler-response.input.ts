import { streamText } from 'ai';
import { auth } from '@/auth';
import { openai } from '@/lib/ai';

export async function POST(req: Request) {
  const session = await auth();
  if (!session?.user) {
    return Response.json({ error: 'Unauthorized' }, { status: 401 });
  }

  const { prompt } = (await req.json()) as { prompt?: string };
  if (!prompt) {
    return Response.json({ error: 'prompt is required' }, { status: 400 });
  }

  const result = streamText({
    model: openai('gpt-4o-mini'),
    prompt,
    onFinish({ usage }) {
      console.log(`user ${session.user.id} used ${usage.totalTokens} tokens`);
    },
  });
  return result.toTextStreamResponse();
}
