const express = require('express');
const OpenAI = require('openai');
const { ensureLoggedIn } = require('../middleware/auth');

const openai = new OpenAI();
const router = express.Router();

router.post('/', ensureLoggedIn, async (req, res) => {
  const result = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: req.body.text }] });
  res.json({ summary: result.choices[0].message.content, owner: req.user.id });
});

module.exports = router;
