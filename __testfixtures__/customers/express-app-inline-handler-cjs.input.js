const express = require('express');
const User = require('../models/user');

const app = express();
app.use(express.json());

app.post('/register', async (req, res, next) => {
  try {
    const { email, password, name } = req.body;
    const user = await User.create({ email, password, name });
    req.session.userId = user.id;
    res.status(201).json({ id: user.id });
  } catch (err) {
    next(err);
  }
});

module.exports = app;
