import Fastify from 'fastify';
import authPlugin from './plugins/auth';
import researchRoutes from './routes/research';
import { billingPortalRoutes } from './routes/billing-portal';

export async function buildApp() {
  const app = Fastify();
  await app.register(authPlugin);
  app.register(researchRoutes, { prefix: '/api/research' });
  app.register(billingPortalRoutes, { prefix: '/api/billing' });
  return app;
}
