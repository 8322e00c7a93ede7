const express = require('express');
const Anthropic = require('@anthropic-ai/sdk');

const anthropic = new Anthropic();
const router = express.Router();

router.post('/summaries/stream', async function (req, res) {
  const stream = await anthropic.messages.create({
    model: 'claude-3-5-haiku-latest',
    max_tokens: 512,
    messages: [{ role: 'user', content: req.body.text }],
    stream: true,
  });
  for await (const event of stream) {
    if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') res.write(event.delta.text);
  }
  res.end();
});

module.exports = router;
