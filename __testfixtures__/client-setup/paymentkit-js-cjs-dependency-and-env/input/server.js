'use strict';
const express = require('express');
const OpenAI = require('openai');

const openai = new OpenAI();
const app = express();
app.use(express.json());

app.post('/summarize', async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: req.body.messages });
  res.json(completion);
});

app.listen(3000);
