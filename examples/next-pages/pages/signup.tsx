import { signIn } from 'next-auth/react';
import { useState } from 'react';

export default function Signup() {
  const [error, setError] = useState('');

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    const res = await fetch('/api/auth/signup', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(form),
    });
    if (!res.ok) {
      setError((await res.json()).error);
      return;
    }
    await signIn('credentials', { email: form.email, password: form.password, callbackUrl: '/' });
  }

  return (
    <main style={{ padding: 32 }}>
      <h1>Create an account</h1>
      <form onSubmit={onSubmit} style={{ display: 'grid', gap: 8, maxWidth: 320 }}>
        <input name="name" placeholder="Name" />
        <input name="email" type="email" placeholder="Email" required />
        <input name="password" type="password" placeholder="Password" required />
        <button type="submit">Sign up</button>
        {error && <p role="alert">{error}</p>}
      </form>
    </main>
  );
}
