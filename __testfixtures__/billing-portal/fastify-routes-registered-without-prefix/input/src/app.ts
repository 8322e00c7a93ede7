import Fastify from 'fastify';
import authPlugin from './plugins/auth';
import researchRoutes from './routes/research';

const app = Fastify();

const setup = async () => {
  await app.register(authPlugin);
  app.register(researchRoutes);
};

export async function start() {
  await setup();
  await app.listen({ port: 3000 });
}
