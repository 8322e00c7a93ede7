const express = require('express');
const authRoutes = require('./routes/auth');
const summaryRoutes = require('./routes/summaries');

const app = express();
app.use(express.json());

app.use('/auth', authRoutes);
app.use('/api/summaries', summaryRoutes);

module.exports = app;
