// Which routes are signups (they create a user, or are plainly named for it) and which are not (login,
// session, admin-only user creation); and the auth-library hooks that create users.
import { describe, expect, it } from 'vitest';
import { signupsIn } from './helpers.js';

describe('signup routes', () => {
  it('reports a route that creates a user, not a login that creates a session or a logout', () => {
    const signups = signupsIn(
      {
        'src/routes/auth.ts': `import { Router } from 'express';
export const router = Router();
router.post('/register', async (req, res) => {
  const user = await db.user.create({ data: req.body });
  res.json(user);
});
router.post('/login', async (req, res) => {
  const user = await db.user.findUnique({ where: { email: req.body.email } });
  await db.session.create({ data: { userId: user.id } });
  res.json(user);
});
router.post('/oauth/callback', async (req, res) => {
  await db.user.upsert({ where: { email }, create: { email }, update: {} });
  await createUser({ email });
});
router.post('/logout', (req, res) => res.end());
`,
      },
      'express',
    );
    expect(signups).toEqual(['express-route src/routes/auth.ts:3 POST /register (db.user.create)']);
  });

  it('judges paths by their words, not by letters inside other words or route parameters', () => {
    const signups = signupsIn(
      {
        'app.js': `const app = require('express')();
app.post('/invites/:token/accept', async (req, res) => { await User.create(req.body); });
app.post('/welcome', async (req, res) => { await User.create(req.body); });
app.post('/sessions', async (req, res) => { await User.create(req.body); });
app.post('/reset-password', async (req, res) => { await User.create(req.body); });
app.post('/users/me', async (req, res) => { await User.create(req.body); });
app.post('/auth/log-in', async (req, res) => { await User.create(req.body); });
app.post('/join', async (req, res) => { await sendWelcome(req.body); });
app.post('/sign-up', async (req, res) => { await sendWelcome(req.body); });
app.post('/joined-teams', async (req, res) => { res.end(); });
app.get('/signup', (req, res) => res.render('signup'));
`,
      },
      'express',
    );
    expect(signups).toEqual([
      'express-route app.js:2 POST /invites/:token/accept (User.create)',
      'express-route app.js:3 POST /welcome (User.create)',
      'express-route app.js:8 POST /join',
      'express-route app.js:9 POST /sign-up',
    ]);
  });

  it('leaves out admin-only user creation: admin paths, admin middleware and preHandlers, guards in the handler', () => {
    const express = signupsIn(
      {
        'app.js': `const app = require('express')();
const admin = require('express').Router();
app.use('/admin', admin);
admin.post('/users', async (req, res) => { await User.create(req.body); });
app.post('/team/members', requireAdmin, async (req, res) => { await User.create(req.body); });
app.post('/team/invite', requireRole('owner'), async (req, res) => { await User.create(req.body); });
app.post('/staff', async (req, res) => {
  if (!req.user?.isAdmin) return res.status(403).end();
  await User.create(req.body);
});
app.post('/members', async (req, res) => {
  if (req.user.role !== 'admin') {
    throw new Forbidden();
  }
  await User.create(req.body);
});
app.post('/signup', async (req, res) => {
  const role = isAdminEmail(req.body.email) ? 'admin' : 'member';
  if (await isAdminEmail(req.body.email)) notifyAdmins(req.body.email);
  await User.create({ ...req.body, role });
});
`,
      },
      'express',
    );
    expect(express).toEqual(['express-route app.js:17 POST /signup (User.create)']);

    const fastify = signupsIn(
      { 'r.ts': `export default async function (fastify) {\n  fastify.post('/members', { preHandler: [fastify.requireAdmin] }, async () => { await createUser({}); });\n}\n` },
      'fastify',
    );
    expect(fastify).toEqual([]);

    const next = signupsIn(
      {
        'src/app/team/actions.ts': `'use server';
export async function addTeammate(formData: FormData) {
  await requireAdmin();
  await prisma.user.create({ data: { email: String(formData.get('email')) } });
}
export async function signUp(formData: FormData) {
  await prisma.user.create({ data: { email: String(formData.get('email')) } });
}
`,
      },
      'next',
    );
    expect(next).toEqual(['next-server-action src/app/team/actions.ts:6 (prisma.user.create)']);
  });

  it('does not take a login server action that provisions users for a signup', () => {
    const signups = signupsIn(
      { 'app/actions.ts': `'use server';\nexport async function signIn(formData) {\n  await createUser({ email: formData.get('email') });\n}\nexport async function register(formData) {}\n` },
      'next',
    );
    expect(signups).toEqual(['next-server-action app/actions.ts:5']);
  });

  it('follows the handler into its controller and reports the controller, with the creating call', () => {
    const signups = signupsIn(
      {
        'routes/auth.js': `const router = require('express').Router();\nconst auth = require('../controllers/auth');\nrouter.post('/register', auth.register);\nmodule.exports = router;\n`,
        'controllers/auth.js': `const authService = require('../services/auth');\nexports.register = async (req, res) => {\n  const user = await authService.register(req.body);\n  res.json(user);\n};\n`,
      },
      'express',
    );
    expect(signups).toEqual(['express-route controllers/auth.js:2 POST /register (authService.register())']);
  });
});

describe('auth hooks', () => {
  it('reports next-auth events.createUser where an adapter creates users', () => {
    const signups = signupsIn(
      {
        'pages/api/auth/[...nextauth].ts': `import NextAuth from 'next-auth';
import { PrismaAdapter } from '@next-auth/prisma-adapter';
export const authOptions = {
  adapter: PrismaAdapter(prisma),
  providers: [],
  events: {
    createUser: async ({ user }) => {},
  },
};
export default NextAuth(authOptions);
`,
      },
      'next',
    );
    expect(signups).toEqual(['auth-hook pages/api/auth/[...nextauth].ts:7 next-auth events.createUser']);
  });

  it('reports the next-auth config (where the hook can go) when an adapter is set without events', () => {
    const signups = signupsIn(
      {
        'auth.config.ts': `import type { NextAuthConfig } from 'next-auth';\nimport GitHub from 'next-auth/providers/github';\nexport default { providers: [GitHub] } satisfies NextAuthConfig;\n`,
        'auth.ts': `import NextAuth from 'next-auth';\nimport authConfig from './auth.config';\nexport const { handlers, auth } = NextAuth({\n  adapter: PrismaAdapter(prisma),\n  session: { strategy: 'jwt' },\n  ...authConfig,\n});\n`,
      },
      'next',
    );
    expect(signups).toEqual(['auth-hook auth.ts:3 next-auth events.createUser']);
  });

  it('reports nothing for next-auth with credentials only: it never creates a user', () => {
    const signups = signupsIn(
      { 'auth.ts': `import NextAuth from 'next-auth';\nimport Credentials from 'next-auth/providers/credentials';\nexport const { auth } = NextAuth({ providers: [Credentials({ authorize: async () => null })] });\n` },
      'next',
    );
    expect(signups).toEqual([]);
  });

  it("takes no object of a file importing only next-auth's client library for a config", () => {
    const signups = signupsIn({ 'components/members.tsx': `import { useSession } from 'next-auth/react';\nexport const row = { providers: ['github'], adapter: 'sso' };\n` }, 'next');
    expect(signups).toEqual([]);
  });

  it('reports better-auth databaseHooks.user.create.after, or the betterAuth call without it', () => {
    const withHook = signupsIn(
      {
        'lib/auth.ts': `import { betterAuth } from 'better-auth';
export const auth = betterAuth({
  emailAndPassword: { enabled: true },
  databaseHooks: { user: { create: { after: async (user) => {} } } },
});
`,
      },
      'next',
    );
    expect(withHook).toEqual(['auth-hook lib/auth.ts:4 better-auth databaseHooks.user.create.after']);
    const without = signupsIn({ 'lib/auth.ts': `import { betterAuth } from 'better-auth';\nexport const auth = betterAuth({ emailAndPassword: { enabled: true } });\n` }, 'next');
    expect(without).toEqual(['auth-hook lib/auth.ts:2 better-auth databaseHooks.user.create.after']);
  });

  it('reports a Clerk webhook that handles user.created, once', () => {
    const signups = signupsIn(
      {
        'app/api/webhooks/clerk/route.ts': `import { Webhook } from 'svix';
export async function POST(req: Request) {
  const evt = new Webhook(secret).verify(await req.text(), headers) as { type: string };
  switch (evt.type) {
    case 'user.created':
      await db.insert(users).values({ clerkId: evt.data.id });
      break;
  }
  return new Response('ok');
}
`,
      },
      'next',
    );
    // Reported once, as the hook, with the insert the route does.
    expect(signups).toEqual(['auth-hook app/api/webhooks/clerk/route.ts:5 clerk user.created webhook (db.insert(users))']);
  });

  it('takes no table of event names for a Clerk webhook: the file names neither Clerk nor svix (medusa)', () => {
    const signups = signupsIn(
      {
        'src/core-flows/events.ts': `export const UserWorkflowEvents = {
  CREATED: "user.created",
  UPDATED: "user.updated",
  DELETED: "user.deleted",
}
`,
        'src/subscribers/user-created.ts': `import { UserWorkflowEvents } from '../core-flows/events';
export const config = { event: UserWorkflowEvents.CREATED };
`,
      },
      'next',
    );
    expect(signups).toEqual([]);
  });
});
