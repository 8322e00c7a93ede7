const anthropic = require('../lib/anthropic');
const { billing } = require('../lib/billing');

const MODEL = process.env.SUMMARY_MODEL || 'claude-3-5-haiku-latest';

function buildPrompt(text, style) {
  return 'Summarize the following document as ' + (style || 'a short paragraph') + ':\n\n' + text;
}

async function summarize(text, style, userId) {
  const message = await anthropic.messages.create({
    model: MODEL,
    max_tokens: 512,
    messages: [{ role: 'user', content: buildPrompt(text, style) }],
  });
  void billing.trackUsage({
    customer: { externalId: userId },
    eventType: 'chat_completion',
    data: {
      total_tokens: message.usage.input_tokens + message.usage.output_tokens,
      input_tokens: message.usage.input_tokens,
      output_tokens: message.usage.output_tokens,
      model: message.model,
    },
    subject: message.id,
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
async function streamSummary(text, style, onText, userId) {
  const stream = await anthropic.messages.create({
    model: MODEL,
    max_tokens: 512,
    messages: [{ role: 'user', content: buildPrompt(text, style) }],
    stream: true,
  });
  let streamed;let billed = false;
  try {
    for await (const event of stream) {
      if (event.type === 'message_start') streamed = event.message;
      if (event.type === 'message_delta' && streamed) {
        billed = true;
        void billing.trackUsage({
          customer: { externalId: userId },
          eventType: 'chat_completion',
          data: {
            total_tokens: streamed.usage.input_tokens + event.usage.output_tokens,
            input_tokens: streamed.usage.input_tokens,
            output_tokens: event.usage.output_tokens,
            model: streamed.model,
          },
          subject: streamed.id,
        });
      }
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
        onText(event.delta.text);
      }
    }
  } finally {
    // The stream stopped before it reported its usage: bill what is known (at least the estimate).
    if (!billed) {
      void billing.trackUsage({
        customer: { externalId: userId },
        eventType: 'chat_completion',
        data: {
          partial: true,
          model: MODEL,
        },
      });
    }
  }
}

module.exports = { summarize, streamSummary };
