import type { NextAuthOptions } from 'next-auth';
import EmailProvider from 'next-auth/providers/email';
import { PrismaAdapter } from '@next-auth/prisma-adapter';
import { prisma } from '@/lib/prisma';
import { sendWelcomeEmail } from '@/lib/mail';
import { billing } from '@/lib/billing';

export const authOptions: NextAuthOptions = {
  adapter: PrismaAdapter(prisma),
  providers: [EmailProvider({ server: process.env.EMAIL_SERVER, from: 'hello@example.com' })],
  events: {
    async createUser({ user }) {
      if (user.email) await sendWelcomeEmail(user.email);
      await billing.ensureCustomer({ externalId: user.id, email: user.email, name: user.name });
    },
  },
};
