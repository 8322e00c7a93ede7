import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { getSession } from '@/lib/session';
import { saveChat } from '@/lib/chats';

export async function POST(req: Request) {
  const session = await getSession();
  if (!session) return new Response(null, { status: 401 });
  const { id, messages } = await req.json();
  const result = streamText({
    model: openai('gpt-4o-mini'),
    messages,
    onFinish: async (event) => {
      await saveChat(id, event.text);
    },
  });
  return result.toTextStreamResponse();
}
