import OpenAI from 'openai';
import { NextResponse } from 'next/server';
import { getSession } from '@/lib/session';

const openai = new OpenAI();

export async function POST(req: Request) {
  const session = await getSession();
  if (!session) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  const { messages } = await req.json();
  return NextResponse.json(await openai.chat.completions.create({ model: 'gpt-4o-mini', messages }));
}
