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
    // TODO(billing-codemod): POST /register: a configured product has a fixed fee; keep the result of billing.ensureCustomer and send the person to its paymentUrl when it is set
    void billing.ensureCustomer({ externalId: user.id, email, name });
    req.login(user, function (loginErr) {
      if (loginErr) return next(loginErr);
      res.status(201).json({ user: user });
    });
  });
});

module.exports = router;
