import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import Google from 'next-auth/providers/google';
import { PrismaAdapter } from '@auth/prisma-adapter';
import { prisma } from '@/lib/prisma';
import { verifyPassword } from '@/lib/password';
import { billing } from '@/lib/billing';

export const { handlers, auth } = NextAuth({
  adapter: PrismaAdapter(prisma),
  session: { strategy: 'jwt' },
  providers: [
    Google,
    Credentials({
      credentials: { email: {}, password: {} },
      authorize: async (credentials) => verifyPassword(String(credentials.email), String(credentials.password)),
    }),
  ],
  events: {
    async createUser({ user }) {
      await billing.ensureCustomer({ externalId: user.id, email: user.email, name: user.name });
    },
  },
});
