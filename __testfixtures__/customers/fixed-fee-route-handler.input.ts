import { NextResponse } from 'next/server';
import { db } from '@/lib/db';

export async function POST(request: Request) {
  const { email } = await request.json();
  const user = await db.user.create({ data: { email } });
  return NextResponse.json({ id: user.id }, { status: 201 });
}
