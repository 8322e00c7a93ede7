'use server';

import { redirect } from 'next/navigation';
import { db } from '@/lib/db';
import { hashPassword, verifyPassword } from '@/lib/password';
import { createSession, deleteSession } from '@/lib/session';
import { validatedAction } from '@/lib/validated-action';
import { loginSchema, signupSchema } from '@/lib/validation';

export const signup = validatedAction(signupSchema, async (data) => {
  const existing = await db.user.findUnique({ where: { email: data.email } });
  if (existing) {
    return { error: 'An account with this email already exists', fields: { email: data.email, name: data.name } };
  }

  const user = await db.user.create({
    data: {
      email: data.email,
      name: data.name,
      passwordHash: await hashPassword(data.password),
    },
  });

  await createSession(user.id);
  redirect('/chat');
});

export const login = validatedAction(loginSchema, async (data) => {
  const user = await db.user.findUnique({ where: { email: data.email } });
  if (!user || !(await verifyPassword(data.password, user.passwordHash))) {
    return { error: 'Invalid email or password', fields: { email: data.email } };
  }
  await createSession(user.id);
  redirect('/chat');
});

export async function logout() {
  await deleteSession();
  redirect('/');
}
