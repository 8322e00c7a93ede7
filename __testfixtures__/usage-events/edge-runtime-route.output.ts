import { openai } from '@/lib/openai';
import { getSession } from '@/lib/session';

export const runtime = 'edge';

// An edge-runtime route has no Node.js: the billing module cannot run here.
export async function POST(req: Request) {
  const session = await getSession();
  if (!session) return new Response(null, { status: 401 });
  // TODO(billing-codemod): send a chat_completion usage event for this call (an edge-runtime route (runtime = 'edge'): the billing module needs Node.js; instead: bill in a Node.js route (remove runtime = 'edge' or call a Node route from here))
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: await req.text() }] });
  return Response.json({ text: completion.choices[0]?.message.content, user: session.userId });
}
