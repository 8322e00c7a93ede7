import NextAuth from 'next-auth';
import GitHub from 'next-auth/providers/github';
import { PrismaAdapter } from '@auth/prisma-adapter';
import { prisma } from '@/lib/prisma';
import { billing } from '@/lib/billing';

export const { handlers, auth, signIn, signOut } = NextAuth({
  adapter: PrismaAdapter(prisma),
  providers: [GitHub],
  session: { strategy: 'database' },
  events: {
    async createUser({ user }) {
      await billing.ensureCustomer({ externalId: user.id, email: user.email, name: user.name });
    },
  },
});
