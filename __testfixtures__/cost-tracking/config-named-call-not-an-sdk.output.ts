import type { FastifyInstance } from 'fastify';
import { generateVideo } from '../lib/video.js';
import { billing } from '../lib/billing.js';

export default async function mediaRoutes(fastify: FastifyInstance) {
  fastify.post('/render', { preHandler: fastify.authenticate }, async (request) => {
    const result = await fastify.apiLayer.post('/v1/render', { scene: request.body });
    void billing.trackUsage({
      customer: { externalId: request.user?.id },
      eventType: 'render',
    });
    return { id: result.id };
  });

  fastify.post('/video', { preHandler: fastify.authenticate }, async (request) => {
    const video = await generateVideo({ model: 'veo-3', prompt: String(request.body) });
    // TODO(billing-codemod): set data.seconds of this video_generation event: generateVideo's result does not report it
    void billing.trackUsage({
      customer: { externalId: request.user?.id },
      eventType: 'video_generation',
      data: {
        model: 'veo-3',
      },
    });
    return { url: video.url };
  });
}
