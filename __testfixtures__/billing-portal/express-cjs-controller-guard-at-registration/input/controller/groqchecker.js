const Groq = require("groq-sdk");

const groq = new Groq();

const groqChecker = async (req, res) => {
  const completion = await groq.chat.completions.create({ model: "llama3-8b-8192", messages: [{ role: "user", content: req.body.message }] });
  res.json({ reply: completion.choices[0].message.content, user: req.user._id });
};

module.exports = { groqChecker };
