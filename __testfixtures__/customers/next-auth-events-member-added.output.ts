import type { NextAuthOptions } from 'next-auth';
import GoogleProvider from 'next-auth/providers/google';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import { db } from '@/db';
import { billing } from '@/lib/billing';

export const authOptions: NextAuthOptions = {
  adapter: DrizzleAdapter(db),
  providers: [
    GoogleProvider({
      clientId: process.env.GOOGLE_ID!,
      clientSecret: process.env.GOOGLE_SECRET!,
    }),
  ],
  events: {
    signIn({ user }) {
      console.log('signed in', user.id);
    },
    async createUser({ user }) {
      await billing.ensureCustomer({ externalId: user.id, email: user.email, name: user.name });
    }
  }
};
