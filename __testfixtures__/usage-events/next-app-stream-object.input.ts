import { streamObject } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
import { getSession } from '@/lib/session';

const recipe = z.object({ name: z.string(), steps: z.array(z.string()) });

export async function POST(req: Request) {
  const session = await getSession();
  if (!session?.userId) return new Response(null, { status: 401 });
  const { dish } = await req.json();
  const result = streamObject({ model: openai('gpt-4o-mini'), schema: recipe, prompt: `A recipe for ${dish}` });
  return result.toTextStreamResponse();
}
