'use server';

import { redirect } from 'next/navigation';
import { db } from '@/lib/db';
import { hashPassword } from '@/lib/password';
import { createSession } from '@/lib/session';
import { validatedAction } from '@/lib/validated-action';
import { signupSchema } from '@/lib/validation';
import { billing } from '@/lib/billing';

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

  await billing.ensureCustomer({ externalId: user.id, email: user.email, name: user.name });

  await createSession(user.id);
  redirect('/chat');
});
