import { registerUser } from './authService.js';
import { billing } from '../../lib/billing.js';

export default async function authRoutes(app) {
  // registerUser hands back { user, token }: the new user is one level down.
  app.post('/register', async (request, reply) => {
    const { email, password } = request.body;
    const result = await registerUser(email, password);
    await billing.ensureCustomer({ externalId: result.user.id, email });
    reply.code(201).send(result);
  });
}
