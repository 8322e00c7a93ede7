'use server';

import { redirect } from 'next/navigation';
import { db } from '@/lib/db';
import { createSession } from '@/lib/session';
import { billing } from '@/lib/billing';

export async function signup(formData: FormData) {
  const user = await db.user.create({ data: { email: String(formData.get('email')) } });
  const customer = await billing.ensureCustomer({ externalId: user.id, email: user.email });
  await createSession(user.id);
  redirect(customer?.paymentUrl ?? '/dashboard');
}
