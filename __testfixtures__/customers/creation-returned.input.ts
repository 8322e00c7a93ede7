import type { FastifyInstance } from 'fastify';
import { prisma } from '../lib/prisma.js';

export default async function authRoutes(fastify: FastifyInstance) {
  fastify.post<{ Body: { email: string } }>('/signup', async (request) => {
    return prisma.user.create({ data: { email: request.body.email } });
  });
}
