import type { FastifyPluginAsync } from 'fastify';
import { db } from '../db/index.js';
import { users } from '../db/schema.js';
import { billing } from '../lib/billing.js';

const accountRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.post<{ Body: { email: string; name: string } }>('/join', async (request, reply) => {
    const [created] = await db
      .insert(users)
      .values({ email: request.body.email, name: request.body.name })
      .returning({ id: users.id, email: users.email });
    await billing.ensureCustomer({ externalId: created.id, email: created.email });
    return reply.code(201).send(created);
  });
};

export default accountRoutes;
