import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createAccount } from '../services/accounts.js';
import { billing } from '../lib/billing.js';

type SignupRequest = FastifyRequest<{ Body: { email: string; name: string; password: string } }>;

export default async function authRoutes(fastify: FastifyInstance) {
  async function signupHandler(request: SignupRequest, reply: FastifyReply) {
    const { email, name, password } = request.body;
    const account = await createAccount({ email, name, password });
    await billing.ensureCustomer({ externalId: account.id, email, name });
    return reply.code(201).send({ account });
  }

  fastify.post('/signup', signupHandler);
}
