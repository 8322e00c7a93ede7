'use server';

import { createUser, getUser } from '@/lib/db/queries';
import { signIn } from '@/app/(auth)/auth';

export async function register(formData: FormData) {
  const email = String(formData.get('email'));
  const password = String(formData.get('password'));
  const [existing] = await getUser(email);
  if (existing) return { status: 'user_exists' as const };
  // createUser inserts without returning the row: its result has no id.
  await createUser(email, password);
  await signIn('credentials', { email, password, redirect: false });
  return { status: 'success' as const };
}
