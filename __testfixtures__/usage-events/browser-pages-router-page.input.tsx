import { useState } from 'react';
import { openai } from '@/lib/openai';

// A pages-router page runs in the browser: no billing code goes here.
export default function Rewrite() {
  const [text, setText] = useState('');
  async function go() {
    const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });
    setText(completion.choices[0]?.message.content ?? '');
  }
  return <button onClick={go}>{text}</button>;
}
