'use server';

import { generateText } from 'ai';
import { myProvider } from '@/lib/ai/providers';

// A server action: the browser may call it with any arguments, so it is never handed a user id.
export async function generateTitleFromUserMessage({ message }: { message: string }) {
  const { text: title } = await generateText({ model: myProvider.languageModel('title-model'), prompt: message });
  return title;
}
