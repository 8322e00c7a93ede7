import type { FastifyInstance } from 'fastify';
import { generateVideo } from '../lib/video.js';

export default async function mediaRoutes(fastify: FastifyInstance) {
  fastify.post('/render', { preHandler: fastify.authenticate }, async (request) => {
    const result = await fastify.apiLayer.post('/v1/render', { scene: request.body });
    return { id: result.id };
  });

  fastify.post('/video', { preHandler: fastify.authenticate }, async (request) => {
    const video = await generateVideo({ model: 'veo-3', prompt: String(request.body) });
    return { url: video.url };
  });
}
