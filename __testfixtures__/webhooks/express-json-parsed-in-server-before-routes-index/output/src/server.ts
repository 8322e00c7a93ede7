import express from 'express';
import routes from './route';
import { billingWebhooksRouter } from './route/billing-webhooks';

const app = express();
app.use('/billing', billingWebhooksRouter);
app.use(express.json());
app.use(routes);

app.listen(3000);
