import { Router } from 'express';
import { requireAuth } from '../middleware/requireAuth.js';

export const stripeRouter = Router();

stripeRouter.post('/checkout', requireAuth, (_req, res) => {
  res.json({ url: 'https://checkout.stripe.com/c/pay/cs_test' });
});

stripeRouter.post('/portal', requireAuth, (_req, res) => {
  res.json({ url: 'https://billing.stripe.com/p/session/test' });
});
