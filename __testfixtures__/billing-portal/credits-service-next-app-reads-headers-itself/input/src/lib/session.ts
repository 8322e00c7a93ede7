import { cookies } from 'next/headers';

export async function getSession(): Promise<{ userId: string } | null> {
  const id = (await cookies()).get('uid')?.value;
  return id ? { userId: id } : null;
}
