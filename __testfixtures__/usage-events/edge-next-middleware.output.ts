import { NextResponse, type NextRequest } from 'next/server';
import { openai } from '@/lib/openai';
import { getSession } from '@/lib/session';

// Middleware runs on the edge before every request: the billing module cannot run here.
export async function middleware(request: NextRequest) {
  const session = await getSession();
  if (!session) return NextResponse.next();
  // TODO(billing-codemod): send a chat_completion usage event for this call (Next.js middleware: it runs on the edge runtime before every request, where the billing module cannot run; instead: check or bill in the route handler or server action the request reaches)
  const moderation = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: request.nextUrl.pathname }] });
  return moderation.choices[0]?.message.content === 'block' ? new NextResponse(null, { status: 403 }) : NextResponse.next();
}
