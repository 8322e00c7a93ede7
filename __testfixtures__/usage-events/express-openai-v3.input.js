const express = require('express');
const { Configuration, OpenAIApi } = require('openai');

const openai = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY }));
const router = express.Router();

router.post('/complete', async (req, res) => {
  const completion = await openai.createChatCompletion({
    model: 'gpt-3.5-turbo',
    messages: [{ role: 'user', content: req.body.prompt }],
  });
  res.json({ text: completion.data.choices[0].message.content });
});

router.post('/image', async (req, res) => {
  const response = await openai.createImage({ prompt: req.body.prompt, n: 1, size: '512x512' });
  res.json({ url: response.data.data[0].url });
});

module.exports = router;
