'use server';

import { redirect } from 'next/navigation';
import { db } from '@/lib/db';
import { createSession } from '@/lib/session';

export async function signup(formData: FormData) {
  const user = await db.user.create({ data: { email: String(formData.get('email')) } });
  await createSession(user.id);
  redirect('/dashboard');
}
