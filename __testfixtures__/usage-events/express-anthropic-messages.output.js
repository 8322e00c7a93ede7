const express = require('express');
const Anthropic = require('@anthropic-ai/sdk');
const { billing } = require('../lib/billing');

const anthropic = new Anthropic();
const router = express.Router();

router.post('/summaries', async function (req, res, next) {
  if (!req.isAuthenticated()) return res.status(401).end();
  try {
    const message = await anthropic.messages.create({
      model: 'claude-3-5-haiku-latest',
      max_tokens: 512,
      messages: [{ role: 'user', content: req.body.text }],
    });
    void billing.trackUsage({
      customer: { externalId: req.user?.id },
      eventType: 'chat_completion',
      data: {
        total_tokens: message.usage.input_tokens + message.usage.output_tokens,
        input_tokens: message.usage.input_tokens,
        output_tokens: message.usage.output_tokens,
        model: message.model,
      },
      subject: message.id,
    });
    res.json({ summary: message.content[0].text });
  } catch (err) {
    next(err);
  }
});

module.exports = router;
