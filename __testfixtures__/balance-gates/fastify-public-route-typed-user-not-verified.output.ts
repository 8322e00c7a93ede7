import type { FastifyInstance } from 'fastify';
import { openai } from '../lib/openai';

// @fastify/jwt types request.user on every request, but this route never verifies a token:
// nobody is signed in here, so a gate would refuse everyone.
export default async function uploadRoutes(fastify: FastifyInstance) {
  fastify.post<{ Body: { text: string } }>('/api/upload', async (request) => {
    // TODO(billing-codemod): check the balance before this (billing.checkBalance) and answer 402 when it is too low; not automated: no signed-in user before this point: the request handler reads no session or user (such as req.user, auth(), getServerSession()), takes none as a parameter, and no middleware on its route sets one
    const embedding = await openai.embeddings.create({ model: 'text-embedding-3-small', input: request.body.text });
    return { dimensions: embedding.data[0]?.embedding.length ?? 0 };
  });
}
