const passport = require('passport');
const LocalStrategy = require('passport-local').Strategy;
const users = require('../services/users');

passport.use(
  new LocalStrategy({ usernameField: 'email' }, function (email, password, done) {
    users.verifyPassword(email, password, function (err, user) {
      if (err) return done(err);
      if (!user) return done(null, false, { message: 'Incorrect email or password.' });
      return done(null, user);
    });
  })
);

passport.serializeUser(function (user, done) {
  done(null, user.id);
});

passport.deserializeUser(function (id, done) {
  const user = users.findById(id);
  done(null, user ? users.publicUser(user) : false);
});

module.exports = passport;
