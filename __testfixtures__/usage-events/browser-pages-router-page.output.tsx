import { useState } from 'react';
import { openai } from '@/lib/openai';

// A pages-router page runs in the browser: no billing code goes here.
export default function Rewrite() {
  const [text, setText] = useState('');
  async function go() {
    // TODO(billing-codemod): send a chat_completion usage event for this call (a pages-router page or component: it is bundled for the browser; instead: move the call into an API route (pages/api) and call that from the page)
    const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });
    setText(completion.choices[0]?.message.content ?? '');
  }
  return <button onClick={go}>{text}</button>;
}
