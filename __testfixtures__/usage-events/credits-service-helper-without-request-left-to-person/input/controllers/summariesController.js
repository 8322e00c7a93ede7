const { summarize, streamSummary } = require('../services/summarize');

function readDocument(req, res) {
  const text = req.body && req.body.text;
  if (typeof text !== 'string' || !text.trim()) {
    res.status(400).json({ error: 'text is required' });
    return null;
  }
  return text;
}

exports.create = async function (req, res, next) {
  const text = readDocument(req, res);
  if (text === null) return;
  try {
    const summary = await summarize(text, req.body.style);
    res.json({ summary: summary });
  } catch (err) {
    next(err);
  }
};

exports.stream = async function (req, res, next) {
  const text = readDocument(req, res);
  if (text === null) return;
  try {
    res.type('text/plain');
    await streamSummary(text, req.body.style, function (chunk) {
      res.write(chunk);
    });
    res.end();
  } catch (err) {
    next(err);
  }
};
