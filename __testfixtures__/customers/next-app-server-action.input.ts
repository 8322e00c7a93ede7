'use server';

import { redirect } from 'next/navigation';
import { prisma } from '@/lib/prisma';
import { createSession } from '@/lib/session';

export async function signup(formData: FormData) {
  const email = String(formData.get('email'));
  const name = String(formData.get('name'));
  const user = await prisma.user.create({ data: { email, name } });
  await createSession(user.id);
  redirect('/dashboard');
}

export async function login(formData: FormData) {
  const user = await prisma.user.findUnique({ where: { email: String(formData.get('email')) } });
  if (!user) return { error: 'Unknown email' };
  await createSession(user.id);
  redirect('/dashboard');
}
