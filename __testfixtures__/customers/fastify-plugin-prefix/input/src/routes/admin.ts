import type { FastifyPluginAsync } from 'fastify';
import { db } from '../db/index.js';
import { users } from '../db/schema.js';

const adminRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.post<{ Body: { email: string } }>('/users', async (request) => {
    const [user] = await db.insert(users).values({ email: request.body.email }).returning();
    return user;
  });
};

export default adminRoutes;
