import { signIn, signOut, useSession } from 'next-auth/react';
import { useState } from 'react';

export default function Home() {
  const { data: session } = useSession();
  const [copy, setCopy] = useState('');

  async function generate(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const product = new FormData(event.currentTarget).get('product');
    const res = await fetch('/api/generate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ product }),
    });
    const data = await res.json();
    setCopy(data.copy ?? data.error);
  }

  if (!session) {
    return (
      <main style={{ padding: 32 }}>
        <h1>Copywriter</h1>
        <button onClick={() => signIn()}>Sign in</button> or <a href="/signup">create an account</a>
      </main>
    );
  }

  return (
    <main style={{ padding: 32 }}>
      <h1>Copywriter</h1>
      <p>
        Signed in as {session.user.email} <button onClick={() => signOut()}>Sign out</button>
      </p>
      <form onSubmit={generate}>
        <input name="product" placeholder="What are you selling?" />
        <button type="submit">Write copy</button>
      </form>
      {copy && <p>{copy}</p>}
    </main>
  );
}
