const express = require('express');
const Anthropic = require('@anthropic-ai/sdk');

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
    res.json({ summary: message.content[0].text });
  } catch (err) {
    next(err);
  }
});

module.exports = router;
