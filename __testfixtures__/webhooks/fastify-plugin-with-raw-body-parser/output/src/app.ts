import Fastify from 'fastify';
import authPlugin from './plugins/auth';
import researchRoutes from './routes/research';
import { billingWebhooksRoutes } from './routes/billing-webhooks';

export async function buildApp() {
  const app = Fastify();
  await app.register(authPlugin);
  app.register(researchRoutes, { prefix: '/api/research' });
  app.register(billingWebhooksRoutes, { prefix: '/api/billing' });
  return app;
}
