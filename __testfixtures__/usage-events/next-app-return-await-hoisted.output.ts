import OpenAI from 'openai';
import { NextResponse, after } from 'next/server';
import { getSession } from '@/lib/session';
import { billing } from '@/lib/billing';

const openai = new OpenAI();

export async function POST(req: Request) {
  const session = await getSession();
  if (!session) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  const { messages } = await req.json();
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages });
  after(() => billing.trackUsage({
    customer: { externalId: session.userId },
    eventType: 'chat_completion',
    data: {
      total_tokens: completion.usage?.total_tokens,
      input_tokens: completion.usage?.prompt_tokens,
      output_tokens: completion.usage?.completion_tokens,
      model: completion.model,
    },
    subject: completion.id,
  }));
  return NextResponse.json(completion);
}
