import { headers } from 'next/headers';
import { generateText } from 'ai';
import { auth } from '@/lib/auth';
import { myProvider } from '@/lib/ai/providers';

// better-auth's organization plugin: the session names the organization the user acts for.
export async function POST(request: Request) {
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return new Response('Unauthorized', { status: 401 });
  const { prompt } = await request.json();
  const { text } = await generateText({ model: myProvider.languageModel('chat-model'), prompt });
  return Response.json({ text, user: session.user.id });
}
