'use server';

import { generateText } from 'ai';
import { auth } from '@/auth';
import { openai } from '@/lib/ai';
import { billing } from '@/lib/billing';

export async function suggestTitle(_prev: unknown, formData: FormData) {
  const session = await auth();
  if (!session?.user?.id) return { error: 'Please sign in' };

  const draft = String(formData.get('draft') ?? '');
  if (draft.length < 20) return { error: 'Write a little more first' };

  const balance = await billing.checkBalance({ customer: { externalId: session?.user?.id }, estimate: 0.01 });
  if (!balance.allowed) return { error: balance.message };

  const { text } = await generateText({ model: openai('gpt-4o-mini'), prompt: `A title for: ${draft}` });
  return { title: text };
}
