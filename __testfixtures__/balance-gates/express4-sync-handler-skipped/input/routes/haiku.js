const express = require('express');
const anthropic = require('../lib/anthropic');

const router = express.Router();

// Express 4 does not catch a rejected promise, so the tool leaves this promise-style handler as it is.
router.post('/haiku', function (req, res, next) {
  if (!req.user) return res.status(401).end();
  anthropic.messages
    .create({ model: 'claude-3-5-haiku-latest', max_tokens: 64, messages: [{ role: 'user', content: 'A haiku' }] })
    .then((message) => res.json({ haiku: message.content[0].text }))
    .catch(next);
});

module.exports = router;
