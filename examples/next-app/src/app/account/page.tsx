import { redirect } from 'next/navigation';
import { db } from '@/lib/db';
import { getSession } from '@/lib/session';

export default async function AccountPage() {
  const session = await getSession();
  if (!session) redirect('/login');
  const user = await db.user.findUnique({ where: { id: session.userId } });
  return (
    <main>
      <h1>Your account</h1>
      <p>Signed in as {user?.email ?? session.userId}</p>
    </main>
  );
}
