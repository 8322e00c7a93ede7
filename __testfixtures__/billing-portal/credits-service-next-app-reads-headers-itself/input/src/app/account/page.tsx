import { redirect } from 'next/navigation';
import { getSession } from '@/lib/session';

export default async function AccountPage() {
  const session = await getSession();
  if (!session) redirect('/login');
  return (
    <main>
      <h1>Your account</h1>
      <p>Signed in as {session.userId}</p>
    </main>
  );
}
