'use client';

import { useState } from 'react';

export function StoryForm() {
  const [story, setStory] = useState('');
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const prompt = String(new FormData(event.currentTarget).get('prompt') ?? '');
    setStory('');
    setBusy(true);
    try {
      const res = await fetch('/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ prompt }),
      });
      if (!res.ok || !res.body) {
        setStory(`Error: ${res.status}`);
        return;
      }
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        setStory((s) => s + value);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} style={{ display: 'grid', gap: 8, maxWidth: 560 }}>
      <textarea name="prompt" rows={3} placeholder="A lighthouse keeper finds a letter..." required />
      <button type="submit" disabled={busy}>
        Write it
      </button>
      <article style={{ whiteSpace: 'pre-wrap' }}>{story}</article>
    </form>
  );
}
