import type { FastifyInstance } from 'fastify';
import { prisma } from '../lib/prisma.js';
import { hashPassword } from '../lib/password.js';
import { billing } from '../lib/billing.js';

const signupSchema = {
  body: {
    type: 'object',
    required: ['email', 'password'],
    properties: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
  },
} as const;

export default async function authRoutes(fastify: FastifyInstance) {
  fastify.post<{ Body: { email: string; password: string; name?: string } }>('/signup', { schema: signupSchema }, async (request, reply) => {
    const user = await prisma.user.create({
      data: { email: request.body.email, name: request.body.name ?? null, passwordHash: await hashPassword(request.body.password) },
    });
    await billing.ensureCustomer({ externalId: user.id, email: user.email, name: user.name });
    request.session.set('userId', user.id);
    return reply.code(201).send({ id: user.id, email: user.email });
  });
}
