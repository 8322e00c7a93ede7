const Anthropic = require('@anthropic-ai/sdk');

const anthropic = new Anthropic({ baseURL: process.env.ANTHROPIC_BASE_URL });

module.exports = anthropic;
