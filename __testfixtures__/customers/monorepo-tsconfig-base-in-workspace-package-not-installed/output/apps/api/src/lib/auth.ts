import { betterAuth } from 'better-auth';
import { billing } from './billing.js';

async function sendWelcome(email: string): Promise<void> {
  console.log(`welcome ${email}`);
}

export const auth = betterAuth({
  emailAndPassword: { enabled: true },
  hooks: {},
  databaseHooks: {
    session: {
      create: {
        after: async (session) => {
          await sendWelcome(String(session.userId));
        },
      },
    },
    user: {
      create: {
        after: async (user) => {
          await billing.ensureCustomer({ externalId: user.id, email: user.email, name: user.name });
        },
      },
    },
  },
});
