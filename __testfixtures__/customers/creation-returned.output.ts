import type { FastifyInstance } from 'fastify';
import { prisma } from '../lib/prisma.js';
import { billing } from '../lib/billing.js';

export default async function authRoutes(fastify: FastifyInstance) {
  fastify.post<{ Body: { email: string } }>('/signup', async (request) => {
    const user = await prisma.user.create({ data: { email: request.body.email } });
    await billing.ensureCustomer({ externalId: user.id, email: user.email });
    return user;
  });
}
