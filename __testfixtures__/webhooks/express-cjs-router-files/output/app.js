const express = require('express');
const authRoutes = require('./routes/auth');
const summaryRoutes = require('./routes/summaries');
const { billingWebhooksRouter } = require('./routes/billing-webhooks');

const app = express();
app.use('/api/billing', billingWebhooksRouter);
app.use(express.json());

app.use('/auth', authRoutes);
app.use('/api/summaries', summaryRoutes);

module.exports = app;
