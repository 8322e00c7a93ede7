'use server';

import { db } from '@/lib/db';

export async function createAccount(formData: FormData) {
  const user = await db.user.create({ data: { email: String(formData.get('email')) } });
  return { ok: true, userId: user.id };
}
