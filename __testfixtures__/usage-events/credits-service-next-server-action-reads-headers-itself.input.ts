'use server';

import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { auth } from '@/auth';

export async function summarize(formData: FormData) {
  const session = await auth();
  if (!session?.user) return { error: 'Sign in first' };
  const result = await generateText({ model: openai('gpt-4o-mini'), prompt: String(formData.get('text')) });
  return { summary: result.text };
}
