const express = require('express');
const usersService = require('../services/users');
const { billing } = require('../lib/billing');

const router = express.Router();

router.post('/register', function (req, res, next) {
  const { email, password, name } = req.body || {};
  if (!email || !password) {
    return res.status(400).json({ error: 'Email and password are required' });
  }

  usersService.createUser({ email: email, password: password, name: name }, function (err, user) {
    if (err) return next(err);
    void billing.ensureCustomer({ externalId: user.id, email, name });
    req.login(user, function (loginErr) {
      if (loginErr) return next(loginErr);
      res.status(201).json({ user: user });
    });
  });
});

module.exports = router;
