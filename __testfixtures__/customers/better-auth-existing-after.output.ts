import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { prisma } from '../db.js';
import { track } from '../analytics.js';
import { billing } from './billing.js';

export const auth = betterAuth({
  database: prismaAdapter(prisma, { provider: 'postgresql' }),
  emailAndPassword: { enabled: true },
  databaseHooks: {
    user: {
      create: {
        after: async (user) => {
          track('signup', { userId: user.id });
          await billing.ensureCustomer({ externalId: user.id, email: user.email, name: user.name });
        },
      },
    },
  },
});
