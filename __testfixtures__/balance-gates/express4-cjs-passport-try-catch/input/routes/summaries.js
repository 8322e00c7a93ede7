const express = require('express');
const anthropic = require('../lib/anthropic');
const { ensureLoggedIn } = require('../middleware/auth');

const router = express.Router();

router.post('/summaries', ensureLoggedIn, async function (req, res, next) {
  const text = req.body && req.body.text;
  if (typeof text !== 'string' || !text.trim()) {
    return res.status(400).json({ error: 'text is required' });
  }
  try {
    const message = await anthropic.messages.create({
      model: 'claude-3-5-haiku-latest',
      max_tokens: 512,
      messages: [{ role: 'user', content: 'Summarize: ' + text }],
    });
    res.json({ summary: message.content[0].text });
  } catch (err) {
    next(err);
  }
});

module.exports = router;
