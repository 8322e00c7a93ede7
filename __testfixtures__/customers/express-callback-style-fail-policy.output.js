const express = require('express');
const usersService = require('../services/users');

const router = express.Router();

router.post('/register', function (req, res, next) {
  const { email, password, name } = req.body || {};
  if (!email || !password) {
    return res.status(400).json({ error: 'Email and password are required' });
  }

  // TODO(billing-codemod): POST /register: make the handler wait for billing.ensureCustomer before it answers, so a billing failure fails the signup
  usersService.createUser({ email: email, password: password, name: name }, function (err, user) {
    if (err) return next(err);
    req.login(user, function (loginErr) {
      if (loginErr) return next(loginErr);
      res.status(201).json({ user: user });
    });
  });
});

module.exports = router;
