import { openai } from '@/lib/openai';

// Only a client component imports this module, so it ends up in the browser bundle too.
export async function suggest(userId: string, text: string) {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }], user: userId });
  return completion.choices[0]?.message.content;
}
