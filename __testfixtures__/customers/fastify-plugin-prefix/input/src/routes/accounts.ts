import type { FastifyPluginAsync } from 'fastify';
import { db } from '../db/index.js';
import { users } from '../db/schema.js';

const accountRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.post<{ Body: { email: string; name: string } }>('/join', async (request, reply) => {
    const [created] = await db
      .insert(users)
      .values({ email: request.body.email, name: request.body.name })
      .returning({ id: users.id, email: users.email });
    return reply.code(201).send(created);
  });
};

export default accountRoutes;
