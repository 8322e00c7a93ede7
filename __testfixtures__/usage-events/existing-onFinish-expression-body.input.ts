import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { getSession } from '@/lib/session';

export async function POST(req: Request) {
  const session = await getSession();
  if (!session) return new Response(null, { status: 401 });
  const { prompt } = await req.json();
  const result = streamText({
    model: openai('gpt-4o-mini'),
    prompt,
    onFinish: ({ text }) => console.log('finished', text.length),
  });
  return result.toTextStreamResponse();
}
