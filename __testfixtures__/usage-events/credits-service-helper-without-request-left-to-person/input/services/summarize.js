const anthropic = require('../lib/anthropic');

const MODEL = process.env.SUMMARY_MODEL || 'claude-3-5-haiku-latest';

function buildPrompt(text, style) {
  return 'Summarize the following document as ' + (style || 'a short paragraph') + ':\n\n' + text;
}

async function summarize(text, style) {
  const message = await anthropic.messages.create({
    model: MODEL,
    max_tokens: 512,
    messages: [{ role: 'user', content: buildPrompt(text, style) }],
  });
  return message.content
    .filter(function (block) {
      return block.type === 'text';
    })
    .map(function (block) {
      return block.text;
    })
    .join('');
}

// Streams the summary: calls onText for every piece of text as it arrives.
async function streamSummary(text, style, onText) {
  const stream = await anthropic.messages.create({
    model: MODEL,
    max_tokens: 512,
    messages: [{ role: 'user', content: buildPrompt(text, style) }],
    stream: true,
  });
  for await (const event of stream) {
    if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
      onText(event.delta.text);
    }
  }
}

module.exports = { summarize, streamSummary };
