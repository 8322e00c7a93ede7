import type { NextAuthOptions } from 'next-auth';
import EmailProvider from 'next-auth/providers/email';
import { PrismaAdapter } from '@next-auth/prisma-adapter';
import { prisma } from '@/lib/prisma';
import { sendWelcomeEmail } from '@/lib/mail';

export const authOptions: NextAuthOptions = {
  adapter: PrismaAdapter(prisma),
  providers: [EmailProvider({ server: process.env.EMAIL_SERVER, from: 'hello@example.com' })],
  events: {
    async createUser({ user }) {
      if (user.email) await sendWelcomeEmail(user.email);
    },
  },
};
