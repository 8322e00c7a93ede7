'use server';

import { generateText } from 'ai';
import { z } from 'zod';
import { getSession } from '@/lib/session';
import { openai } from '@/lib/ai';
import { validatedAction } from '@/lib/validated-action';

const schema = z.object({ idea: z.string().min(3) });

export const expandIdea = validatedAction(schema, async (data) => {
  const session = await getSession();
  if (!session) return { error: 'Please sign in' };

  const { text } = await generateText({ model: openai('gpt-4o-mini'), prompt: `Expand: ${data.idea}` });
  return { text, by: session.userId };
});
