import type { FastifyInstance, FastifyReply } from 'fastify';
import { db } from '../db';
import { checkPassword, hashPassword } from '../lib/password';
import { SESSION_COOKIE } from '../plugins/auth';

interface SignupBody {
  email: string;
  password: string;
  name?: string;
}

interface LoginBody {
  email: string;
  password: string;
}

const signupSchema = {
  body: {
    type: 'object',
    required: ['email', 'password'],
    additionalProperties: false,
    properties: {
      email: { type: 'string', format: 'email', maxLength: 254 },
      password: { type: 'string', minLength: 8, maxLength: 200 },
      name: { type: 'string', maxLength: 100 },
    },
  },
} as const;

function setSession(reply: FastifyReply, userId: string) {
  reply.setCookie(SESSION_COOKIE, userId, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    signed: true,
    maxAge: 60 * 60 * 24 * 30,
  });
}

export default async function authRoutes(fastify: FastifyInstance) {
  fastify.route<{ Body: SignupBody }>({
    method: 'POST',
    url: '/signup',
    schema: signupSchema,
    handler: async function signup(request, reply) {
      const email = request.body.email.toLowerCase();
      if (await db.user.findUnique({ where: { email } })) {
        return reply.code(409).send({ error: 'Email already in use' });
      }

      const user = await db.user.create({
        data: {
          email,
          name: request.body.name ?? null,
          passwordHash: await hashPassword(request.body.password),
        },
      });

      setSession(reply, user.id);
      return reply.code(201).send({ id: user.id, email: user.email, name: user.name });
    },
  });

  fastify.post<{ Body: LoginBody }>(
    '/login',
    {
      schema: {
        body: {
          type: 'object',
          required: ['email', 'password'],
          properties: { email: { type: 'string' }, password: { type: 'string' } },
        },
      },
    },
    async (request, reply) => {
      const user = await db.user.findUnique({ where: { email: request.body.email.toLowerCase() } });
      if (!user || !(await checkPassword(request.body.password, user.passwordHash))) {
        return reply.code(401).send({ error: 'Invalid email or password' });
      }
      setSession(reply, user.id);
      return { id: user.id, email: user.email, name: user.name };
    },
  );

  fastify.post('/logout', async (_request, reply) => {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  fastify.get('/me', { preHandler: fastify.authenticate }, async (request) => {
    return { user: request.user };
  });
}
