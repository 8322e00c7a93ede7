'use strict';
'use client';

import { openai } from '@/lib/openai';

// Bundled for the browser: the billing module (which holds the API key) must never be imported here.
export async function rewrite(text: string) {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });
  return completion.choices[0]?.message.content;
}
