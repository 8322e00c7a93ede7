import express from 'express';
import OpenAI from 'openai';

const openai = new OpenAI();
const app = express();
const router = express.Router();

router.post('/', async (req, res) => {
  const result = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: req.body.q }] });
  res.json(result.choices[0].message);
});

app.use('/api/ask', router);
app.listen(3000);
