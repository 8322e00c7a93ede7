import { openai } from '../lib/openai.js';

// Run nightly from a script, never from a request: no request to refuse, so no gate.
export async function digestAll(texts: string[]) {
  const out = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: texts.join('\n') }],
  });
  return out.choices[0]?.message.content;
}
