import { openai } from '@/lib/openai';

// Only a client component imports this module, so it ends up in the browser bundle too.
export async function suggest(userId: string, text: string) {
  // TODO(billing-codemod): send a chat_completion usage event for this call (only browser code imports this module (components/SuggestBox.tsx), so it is bundled for the browser; instead: call it from a server action or route handler, and bill there)
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }], user: userId });
  return completion.choices[0]?.message.content;
}
