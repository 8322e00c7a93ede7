import { generateText } from 'ai';
import { NextResponse } from 'next/server';
import { openai } from '@ai-sdk/openai';
import { getSession } from '@/lib/session';

export async function POST(req: Request) {
  const session = await getSession();
  if (!session) {
    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  }
  const { story } = await req.json();
  const { text } = await generateText({
    model: openai('gpt-4o-mini'),
    prompt: `Write a one-sentence blurb for this story:\n\n${story}`,
  });
  return NextResponse.json({ blurb: text });
}
