const express = require('express');
const session = require('express-session');
const passport = require('./config/passport');
const authRoutes = require('./routes/auth');
const summaryRoutes = require('./routes/summaries');

const app = express();

app.use(express.json({ limit: '2mb' }));
app.use(
  session({
    secret: process.env.SESSION_SECRET || 'keyboard cat',
    resave: false,
    saveUninitialized: false,
    cookie: { httpOnly: true, sameSite: 'lax', maxAge: 1000 * 60 * 60 * 24 * 14 },
  })
);
app.use(passport.initialize());
app.use(passport.session());

app.get('/healthz', function (req, res) {
  res.send('ok');
});

app.use('/auth', authRoutes);
app.use('/api/summaries', summaryRoutes);

// eslint-disable-next-line no-unused-vars
app.use(function (err, req, res, next) {
  console.error(err);
  res.status(err.status || 500).json({ error: err.expose ? err.message : 'Internal server error' });
});

module.exports = app;
