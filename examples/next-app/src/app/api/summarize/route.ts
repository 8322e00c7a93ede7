import { generateText } from 'ai';
import { NextResponse } from 'next/server';
import { openai, STORY_MODEL } from '@/lib/ai';
import { getSession } from '@/lib/session';

// One-line blurb for a story, shown on the story card.
export async function POST(req: Request) {
  const session = await getSession();
  if (!session) {
    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  }

  const { story } = (await req.json().catch(() => ({}))) as { story?: unknown };
  if (typeof story !== 'string' || !story.trim()) {
    return NextResponse.json({ error: 'story is required' }, { status: 400 });
  }

  const { text } = await generateText({
    model: openai(STORY_MODEL),
    prompt: `Write a one-sentence blurb for this story:\n\n${story}`,
  });

  return NextResponse.json({ blurb: text });
}
