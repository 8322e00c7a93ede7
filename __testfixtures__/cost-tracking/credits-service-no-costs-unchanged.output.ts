import { generateText } from 'ai';
import { NextResponse, after } from 'next/server';
import { openai } from '@ai-sdk/openai';
import { getSession } from '@/lib/session';
import { billing } from '@/lib/billing';

export async function POST(req: Request) {
  const session = await getSession();
  if (!session) {
    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  }
  const { story } = await req.json();
  const { text, usage, response } = await generateText({
    model: openai('gpt-4o-mini'),
    prompt: `Write a one-sentence blurb for this story:\n\n${story}`,
  });
  after(() => billing.trackUsage({
    customer: { externalId: session.userId },
    eventType: 'chat_completion',
    data: {
      total_tokens: usage.totalTokens,
      input_tokens: usage.promptTokens,
      output_tokens: usage.completionTokens,
      model: response.modelId,
    },
    subject: response.id,
  }));
  return NextResponse.json({ blurb: text });
}
