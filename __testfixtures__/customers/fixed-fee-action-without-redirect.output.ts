'use server';

import { db } from '@/lib/db';
import { billing } from '@/lib/billing';
import { redirect } from 'next/navigation';

export async function createAccount(formData: FormData) {
  const user = await db.user.create({ data: { email: String(formData.get('email')) } });
  const customer = await billing.ensureCustomer({ externalId: user.id, email: user.email });
  if (customer?.paymentUrl) redirect(customer.paymentUrl);
  return { ok: true, userId: user.id };
}
