'use strict';

const OpenAI = require('openai');

const openai = new OpenAI();

module.exports = async function (fastify) {
  fastify.post('/', { onRequest: [fastify.authenticate] }, async function (request) {
    const answer = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: request.body.question }] });
    return { answer: answer.choices[0].message.content, user: request.user.id };
  });
};
