import OpenAI from 'openai';
import { getSession } from '@/lib/session';

const openai = new OpenAI();

export async function POST(request: Request) {
  const session = await getSession();
  if (!session) return Response.json({ error: 'Unauthorized' }, { status: 401 });
  const { prompt } = await request.json();
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] });
  return Response.json({ story: completion.choices[0]?.message.content, user: session.userId });
}
