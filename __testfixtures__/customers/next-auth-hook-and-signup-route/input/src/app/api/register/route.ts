import { prisma } from '@/lib/prisma';
import { hashPassword } from '@/lib/password';

export async function POST(request: Request) {
  const { email, name, password } = await request.json();
  const user = await prisma.user.create({ data: { email, name, passwordHash: await hashPassword(password) } });
  return Response.json({ id: user.id }, { status: 201 });
}
