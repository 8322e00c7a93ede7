import { betterAuth } from 'better-auth';

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
  },
});
