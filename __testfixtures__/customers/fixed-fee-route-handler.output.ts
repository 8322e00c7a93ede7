import { NextResponse } from 'next/server';
import { db } from '@/lib/db';
import { billing } from '@/lib/billing';

export async function POST(request: Request) {
  const { email } = await request.json();
  const user = await db.user.create({ data: { email } });
  const customer = await billing.ensureCustomer({ externalId: user.id, email: user.email });
  return NextResponse.json({ id: user.id, paymentUrl: customer?.paymentUrl ?? null }, { status: 201 });
}
