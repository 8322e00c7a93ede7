import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { db } from '../db';

export interface AuthUser {
  id: string;
  email: string;
  name: string | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
  interface FastifyRequest {
    user: AuthUser | null;
  }
}

export const SESSION_COOKIE = 'session';

export default fp(async function authPlugin(fastify) {
  fastify.decorateRequest('user', null);

  fastify.decorate('authenticate', async function authenticate(request: FastifyRequest, reply: FastifyReply) {
    const raw = request.cookies[SESSION_COOKIE];
    const cookie = raw ? request.unsignCookie(raw) : null;
    const user = cookie?.valid && cookie.value ? await db.user.findUnique({ where: { id: cookie.value } }) : null;
    if (!user) {
      return reply.code(401).send({ error: 'Unauthorized' });
    }
    request.user = { id: user.id, email: user.email, name: user.name };
  });
});
