import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import authPlugin from './plugins/auth';
import openaiPlugin from './plugins/openai';
import authRoutes from './routes/auth';
import researchRoutes from './routes/research';

export async function buildApp() {
  const app = Fastify({
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
  });

  await app.register(cookie, { secret: process.env.COOKIE_SECRET ?? 'dev-cookie-secret-change-me' });
  await app.register(openaiPlugin);
  await app.register(authPlugin);

  app.get('/health', async () => ({ status: 'ok' }));

  app.register(authRoutes, { prefix: '/api/auth' });
  app.register(researchRoutes, { prefix: '/api/research' });

  return app;
}
