const passport = require('passport');
const usersService = require('../services/users');

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

exports.register = function (req, res, next) {
  const { email, password, name } = req.body || {};
  if (!email || !EMAIL_RE.test(email)) {
    return res.status(400).json({ error: 'Valid email required' });
  }
  if (!password || password.length < 8) {
    return res.status(400).json({ error: 'Password must be at least 8 characters' });
  }

  usersService.createUser({ email: email, password: password, name: name }, function (err, user) {
    if (err) return next(err);
    req.login(user, function (loginErr) {
      if (loginErr) return next(loginErr);
      res.status(201).json({ user: user });
    });
  });
};

exports.login = function (req, res, next) {
  passport.authenticate('local', function (err, user, info) {
    if (err) return next(err);
    if (!user) return res.status(401).json({ error: info && info.message });
    req.login(user, function (loginErr) {
      if (loginErr) return next(loginErr);
      res.json({ user: user });
    });
  })(req, res, next);
};

exports.logout = function (req, res, next) {
  req.logout(function (err) {
    if (err) return next(err);
    res.status(204).end();
  });
};

exports.me = function (req, res) {
  res.json({ user: req.user });
};
