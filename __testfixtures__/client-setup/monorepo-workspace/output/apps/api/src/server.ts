import Fastify from 'fastify';
import OpenAI from 'openai';

const app = Fastify();
app.decorate('openai', new OpenAI());

app.post('/chat', async (request) => {
  return app.openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [] });
});

await app.listen({ port: 3000 });
