import Fastify from 'fastify';
import authPlugin from './plugins/auth';
import researchRoutes from './routes/research';

export async function buildApp() {
  const app = Fastify();
  await app.register(authPlugin);
  app.register(researchRoutes, { prefix: '/api/research' });
  return app;
}
