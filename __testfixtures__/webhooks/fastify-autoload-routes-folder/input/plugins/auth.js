'use strict';

const fp = require('fastify-plugin');

module.exports = fp(async function (fastify) {
  fastify.decorate('authenticate', async function (request, reply) {
    if (!request.user) return reply.code(401).send({ error: 'Unauthorized' });
  });
});
