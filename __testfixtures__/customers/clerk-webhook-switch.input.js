import express from 'express';
import { Webhook } from 'svix';
import { Users } from '../models.js';

export const webhooks = express.Router();

webhooks.post('/clerk', express.raw({ type: 'application/json' }), async (req, res) => {
  const event = new Webhook(process.env.CLERK_WEBHOOK_SECRET).verify(req.body, req.headers);
  switch (event.type) {
    case 'user.created': {
      const email = event.data.email_addresses[0]?.email_address;
      await Users.insertOne({ clerkId: event.data.id, email });
      break;
    }
    case 'user.deleted':
      await Users.deleteOne({ clerkId: event.data.id });
      break;
  }
  res.sendStatus(204);
});
