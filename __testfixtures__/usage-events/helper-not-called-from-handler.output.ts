import { openai } from '../lib/openai.js';

// Runs from a nightly job: no request, no signed-in user.
export async function summarizeAll(texts: string[]) {
  // TODO(billing-codemod): send a chat_completion usage event for this call (no signed-in user in scope in summarizeAll() (it takes no user id, and no request handler that calls it has a signed-in user to pass it))
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: texts.map((t) => ({ role: 'user' as const, content: t })) });
  return completion.choices[0]?.message.content;
}
