import { generateText } from 'ai';
import { NextResponse } from 'next/server';
import { openai } from '@ai-sdk/openai';
import { getSession } from '@/lib/session';
import { billing } from '@/lib/billing';

export async function POST(req: Request) {
  const session = await getSession();
  if (!session) {
    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  }
  const { story } = await req.json();
  const { text, totalUsage, response } = await generateText({
    model: openai('gpt-4o-mini'),
    prompt: `Write a one-sentence blurb for this story:\n\n${story}`,
  });
  void billing.trackUsage({
    customer: { externalId: session.userId },
    eventType: 'chat_completion',
    data: {
      total_tokens: totalUsage.totalTokens,
      input_tokens: totalUsage.inputTokens,
      output_tokens: totalUsage.outputTokens,
      model: response.modelId,
    },
    subject: response.id,
  });
  return NextResponse.json({ blurb: text });
}
