import Link from 'next/link';
import { getSession } from '@/lib/session';

export default async function Home() {
  const session = await getSession();
  return (
    <main>
      <h1>Storyteller</h1>
      <p>Give it a premise, get a short story back.</p>
      {session ? <Link href="/chat">Write a story</Link> : <Link href="/signup">Get started</Link>}
    </main>
  );
}
