import { streamText } from 'ai';
import { openai, STORY_MODEL } from '@/lib/ai';
import { getSession } from '@/lib/session';

export const maxDuration = 30;

export async function POST(req: Request) {
  const session = await getSession();
  if (!session) {
    return Response.json({ error: 'Unauthorized' }, { status: 401 });
  }

  const { prompt } = (await req.json().catch(() => ({}))) as { prompt?: unknown };
  if (typeof prompt !== 'string' || !prompt.trim()) {
    return Response.json({ error: 'prompt is required' }, { status: 400 });
  }

  const result = streamText({
    model: openai(STORY_MODEL),
    system: 'You write short, warm stories of at most three paragraphs.',
    prompt,
    onFinish({ text, usage }) {
      console.log(`[story] user=${session.userId} chars=${text.length} tokens=${usage.totalTokens ?? 'n/a'}`);
    },
  });

  return result.toTextStreamResponse();
}
