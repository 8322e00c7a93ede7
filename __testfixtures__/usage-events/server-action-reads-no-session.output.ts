'use server';

import { generateText } from 'ai';
import { myProvider } from '@/lib/ai/providers';

// A server action: the browser may call it with any arguments, so it is never handed a user id.
export async function generateTitleFromUserMessage({ message }: { message: string }) {
  // TODO(billing-codemod): send a chat_completion usage event for this call (no signed-in user in this server action: it reads no session (the browser chooses a server action's arguments, so it is never handed a user id); read the session inside it, as the app's routes do (e.g. await auth()))
  const { text: title } = await generateText({ model: myProvider.languageModel('title-model'), prompt: message });
  return title;
}
