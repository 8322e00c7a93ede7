import { generateText } from 'ai';
import { NextResponse } from 'next/server';
import { openai } from '@/lib/ai';
import { getSession } from '@/lib/session';

// Only checks the session; where its id lives (session.userId) is learned from the rest of the app.
export async function POST(req: Request) {
  const session = await getSession();
  if (!session) {
    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  }

  const { story } = (await req.json()) as { story?: string };
  const { text } = await generateText({ model: openai('gpt-4o-mini'), prompt: `Blurb: ${story}` });
  return NextResponse.json({ blurb: text });
}
