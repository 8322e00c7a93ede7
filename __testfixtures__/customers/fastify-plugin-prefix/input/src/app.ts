import Fastify from 'fastify';
import accountRoutes from './routes/accounts.js';
import adminRoutes from './routes/admin.js';

export function buildApp() {
  const app = Fastify();
  app.register(accountRoutes, { prefix: '/accounts' });
  app.register(adminRoutes, { prefix: '/admin' });
  return app;
}
