'use strict';
'use client';

import { openai } from '@/lib/openai';

// Bundled for the browser: the billing module (which holds the API key) must never be imported here.
export async function rewrite(text: string) {
  // TODO(billing-codemod): send a chat_completion usage event for this call (browser code ('use client'): the billing module holds the API key and must not be imported here; instead: move the call into a server action or a route handler and call that from the component)
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });
  return completion.choices[0]?.message.content;
}
