const express = require('express');
const authRoutes = require('./routes/auth');
const summaryRoutes = require('./routes/summaries');
const { billingPortalRouter } = require('./routes/billing-portal');

const app = express();
app.use(express.json());

app.use('/auth', authRoutes);
app.use('/api/summaries', summaryRoutes);
app.use('/api/billing', billingPortalRouter);

module.exports = app;
