import Fastify from 'fastify';
import authPlugin from './plugins/auth';
import researchRoutes from './routes/research';
import { billingPortalRoutes } from './routes/billing-portal';

const app = Fastify();

const setup = async () => {
  await app.register(authPlugin);
  app.register(researchRoutes);
  app.register(billingPortalRoutes, { prefix: '/api/billing' });
};

export async function start() {
  await setup();
  await app.listen({ port: 3000 });
}
