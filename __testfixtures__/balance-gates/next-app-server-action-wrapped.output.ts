'use server';

import { generateText } from 'ai';
import { z } from 'zod';
import { getSession } from '@/lib/session';
import { openai } from '@/lib/ai';
import { validatedAction } from '@/lib/validated-action';
import { billing } from '@/lib/billing';

const schema = z.object({ idea: z.string().min(3) });

export const expandIdea = validatedAction(schema, async (data) => {
  const session = await getSession();
  if (!session) return { error: 'Please sign in' };

  const balance = await billing.checkBalance({ customer: { externalId: session.userId }, estimate: 0.01 });
  if (!balance.allowed) return { error: balance.message };

  const { text } = await generateText({ model: openai('gpt-4o-mini'), prompt: `Expand: ${data.idea}` });
  return { text, by: session.userId };
});
