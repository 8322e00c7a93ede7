const Anthropic = require('@anthropic-ai/sdk');

// ANTHROPIC_API_KEY is read by the SDK; ANTHROPIC_BASE_URL lets staging go through our proxy.
const anthropic = new Anthropic({
  baseURL: process.env.ANTHROPIC_BASE_URL,
});

module.exports = anthropic;
