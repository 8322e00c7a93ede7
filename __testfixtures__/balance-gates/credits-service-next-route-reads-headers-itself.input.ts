import { generateText } from 'ai';
import { NextResponse, type NextRequest } from 'next/server';
import { auth } from '@/auth';
import { openai } from '@/lib/ai';

// One-line blurb for a story.
export async function POST(req: NextRequest) {
  const session = await auth();
  if (!session) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });

  const { story } = await req.json();
  const { text } = await generateText({ model: openai('gpt-4o-mini'), prompt: `Blurb: ${story}` });
  return NextResponse.json({ blurb: text, by: session.user?.id });
}
