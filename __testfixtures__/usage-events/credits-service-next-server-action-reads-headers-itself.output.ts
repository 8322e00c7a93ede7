'use server';

import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { auth } from '@/auth';
import { billing } from '@/lib/billing';
import { after } from 'next/server';

export async function summarize(formData: FormData) {
  const session = await auth();
  if (!session?.user) return { error: 'Sign in first' };
  const result = await generateText({ model: openai('gpt-4o-mini'), prompt: String(formData.get('text')) });
  after(() => billing.trackUsage({
    customer: { externalId: session.user.id },
    eventType: 'chat_completion',
    data: {
      total_tokens: result.totalUsage.totalTokens,
      input_tokens: result.totalUsage.inputTokens,
      output_tokens: result.totalUsage.outputTokens,
      model: result.response.modelId,
    },
    subject: result.response.id,
  }));
  return { summary: result.text };
}
