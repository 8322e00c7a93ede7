import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { getSession } from '@/lib/session';

export async function POST(req: Request) {
  const session = await getSession();
  if (!session) {
    return Response.json({ error: 'Unauthorized' }, { status: 401 });
  }
  const { prompt } = await req.json();
  const result = streamText({
    model: openai('gpt-4o-mini'),
    prompt,
    onFinish({ text, usage }) {
      if (!text) return;
      console.log(`[story] user=${session.userId} tokens=${usage.totalTokens ?? 'n/a'}`);
    },
  });
  return result.toTextStreamResponse();
}
