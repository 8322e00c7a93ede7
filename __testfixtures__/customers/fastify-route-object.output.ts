import type { FastifyInstance } from 'fastify';
import { db } from '../db/index.js';
import { billing } from '../lib/billing.js';

export default async function authRoutes(fastify: FastifyInstance) {
  fastify.route<{ Body: { email: string; name: string } }>({
    method: 'POST',
    url: '/signup',
    handler: async (request, reply) => {
      const user = await db.user.create({ data: { email: request.body.email, name: request.body.name } });
      await billing.ensureCustomer({ externalId: user.id, email: user.email, name: user.name });
      reply.code(201);
      return { id: user.id };
    },
  });
}
