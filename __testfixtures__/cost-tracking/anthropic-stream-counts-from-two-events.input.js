const express = require('express');
const Anthropic = require('@anthropic-ai/sdk');
const { billing } = require('../lib/billing');

const anthropic = new Anthropic();
const router = express.Router();

router.post('/summaries/stream', async function (req, res) {
  const stream = await anthropic.messages.create({
    model: 'claude-3-5-haiku-latest',
    max_tokens: 512,
    messages: [{ role: 'user', content: req.body.text }],
    stream: true,
  });
  let streamed;let billed = false;
  try {
    for await (const event of stream) {
      if (event.type === 'message_start') streamed = event.message;
      if (event.type === 'message_delta' && streamed) {
        billed = true;
        void billing.trackUsage({
          customer: { externalId: req.user?.id },
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
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') res.write(event.delta.text);
    }
  } finally {
    // The stream stopped before it reported its usage: bill what is known (at least the estimate).
    if (!billed) {
      void billing.trackUsage({
        customer: { externalId: req.user?.id },
        eventType: 'chat_completion',
        data: {
          partial: true,
          model: 'claude-3-5-haiku-latest',
        },
      });
    }
  }
  res.end();
});

module.exports = router;
