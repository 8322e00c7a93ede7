import { betterAuth } from 'better-auth';
import { db } from '../db.js';
import { billing } from './billing.js';

export const auth = betterAuth({
  database: db,
  emailAndPassword: { enabled: true },
  databaseHooks: {
    user: {
      create: {
        after: async (user) => {
          await billing.ensureCustomer({ externalId: user.id, email: user.email, name: user.name });
        },
      },
    },
  },
});
