import { prisma } from '@/lib/prisma';
import { hashPassword } from '@/lib/password';
import { billing } from '@/lib/billing';

export async function POST(request: Request) {
  const { email, name, password } = await request.json();
  const user = await prisma.user.create({ data: { email, name, passwordHash: await hashPassword(password) } });
  await billing.ensureCustomer({ externalId: user.id, email: user.email, name: user.name });
  return Response.json({ id: user.id }, { status: 201 });
}
