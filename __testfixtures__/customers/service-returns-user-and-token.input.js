import { registerUser } from './authService.js';

export default async function authRoutes(app) {
  // registerUser hands back { user, token }: the new user is one level down.
  app.post('/register', async (request, reply) => {
    const { email, password } = request.body;
    const result = await registerUser(email, password);
    reply.code(201).send(result);
  });
}
