const express = require('express');
const User = require('../models/User');

const router = express.Router();

router.post('/signup', async (req, res) => {
  const user = new User({ email: req.body.email, name: req.body.name });
  user.setPassword(req.body.password);
  await user.save();
  res.status(201).json({ id: user.id });
});

module.exports = router;
