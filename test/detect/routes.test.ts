// Route discovery: how each framework declares handlers, mount prefixes, and handlers passed by name
// into the files that define them.
import { describe, expect, it } from 'vitest';
import { findRoutes } from '../../src/frameworks/routes.js';
import { memoryContext, routeLines, routesIn } from './helpers.js';

describe('Express routes', () => {
  it('reads app/router verbs and route() chains', () => {
    const lines = routeLines(
      {
        'app.js': `const express = require('express');
const app = express();
const router = express.Router();
app.post('/a', (req, res) => res.end());
router.route('/b').post((req, res) => res.end());
router.route('/c').get(list).post(requireAuth, create);
function list(req, res) {}
function create(req, res) {}
`,
      },
      'express',
    );
    expect(lines).toEqual(['POST /a -> app.js:4', 'POST /b -> app.js:5', 'POST /c -> app.js:8', 'GET /c -> app.js:7']);
  });

  it('follows handlers passed by name into CommonJS controllers, in every export style', () => {
    const files = {
      'routes/auth.js': `const express = require('express');
const auth = require('../controllers/auth');
const { login } = require('../controllers/login');
const methods = require('../controllers/methods');
const inline = require('../controllers/inline');
const router = express.Router();
router.post('/register', auth.register);
router.post('/login', login);
router.post('/m', methods.make);
router.post('/i', inline.go);
module.exports = router;
`,
      'controllers/auth.js': `exports.register = async (req, res) => {\n  res.end();\n};\n`,
      'controllers/login.js': `async function login(req, res) {}\nmodule.exports = { login };\n`,
      'controllers/methods.js': `module.exports = {\n  async make(req, res) {},\n};\n`,
      'controllers/inline.js': `module.exports.go = function (req, res) {};\n`,
    };
    expect(routeLines(files, 'express')).toEqual([
      'POST /register -> controllers/auth.js:1',
      'POST /login -> controllers/login.js:1',
      'POST /m -> controllers/methods.js:2',
      'POST /i -> controllers/inline.js:1',
    ]);
  });

  it('follows handlers passed by name into ESM controllers: named, namespace and default-object exports', () => {
    const files = {
      'src/routes.ts': `import { Router } from 'express';
import * as users from './controllers/users.js';
import accounts from './controllers/accounts.js';
import teams from './controllers/teams.js';
import { register } from './controllers/register.js';
import { asyncHandler } from './util.js';
export const router = Router();
router.post('/users', users.create);
router.post('/accounts', accounts.open);
router.post('/teams', teams.add);
router.post('/register', asyncHandler(register));
`,
      'src/controllers/users.ts': `export async function create(req, res) {}\n`,
      'src/controllers/accounts.ts': `async function open(req, res) {}\nexport default { open };\n`,
      'src/controllers/teams.ts': `export default {\n  async add(req, res) {},\n};\n`,
      'src/controllers/register.ts': `export const register = async (req, res) => {};\n`,
    };
    expect(routeLines(files, 'express')).toEqual([
      'POST /users -> src/controllers/users.ts:1',
      'POST /accounts -> src/controllers/accounts.ts:1',
      'POST /teams -> src/controllers/teams.ts:2',
      'POST /register -> src/controllers/register.ts:1',
    ]);
  });

  it('applies mount prefixes across files, nested, and for routers mounted in their own file', () => {
    const files = {
      'src/app.ts': `import express from 'express';
import api from './routes/index.js';
const app = express();
app.use('/api', api);
const health = express.Router();
health.get('/live', (req, res) => res.end());
app.use('/health', health);
`,
      'src/routes/index.ts': `import { Router } from 'express';
import { authRouter } from './auth.js';
const router = Router();
router.use('/auth', authRouter);
const v2 = Router();
v2.post('/signup', (req, res) => res.end());
router.use('/v2', v2);
export default router;
`,
      'src/routes/auth.ts': `import { Router } from 'express';\nexport const authRouter = Router();\nauthRouter.post('/register', (req, res) => res.end());\n`,
    };
    expect(routeLines(files, 'express')).toEqual([
      'GET /health/live -> src/app.ts:6',
      'POST /api/auth/register -> src/routes/auth.ts:3',
      'POST /api/v2/signup -> src/routes/index.ts:6',
    ]);
  });

  // A file that mounts something but does not parse shows whether it was read: a parse records it in `unparsed`.
  const brokenMount = (name: string) => `import r from './routes/${name}.js';\napp.use('/v1', r);\nconst = ;\n`;
  const unparsedAfterRoutes = (files: Record<string, string>, aliases: Record<string, string[]> = {}) => {
    const ctx = memoryContext(files, { aliases });
    const routes = findRoutes(ctx, 'express').map((r) => `${r.method} ${r.path}`);
    return { routes, unparsed: [...ctx.unparsed.keys()] };
  };

  it('reads no mount in a package that declares no route', () => {
    expect(unparsedAfterRoutes({ 'src/app.ts': brokenMount('auth'), 'src/routes/auth.ts': 'export default function auth() {}\n' })).toEqual({ routes: [], unparsed: [] });
  });

  it("reads only the mounts that name a routed file, unless an alias names one file", () => {
    const files = {
      'src/main.ts': `import api from './routes/api.js';\napp.use('/api', api);\n`,
      'src/extra.ts': brokenMount('auth'),
      'src/routes/api.ts': `import { Router } from 'express';\nconst api = Router();\napi.post('/chat', (req, res) => res.end());\nexport default api;\n`,
    };
    expect(unparsedAfterRoutes(files)).toEqual({ routes: ['POST /api/chat'], unparsed: [] });
    expect(unparsedAfterRoutes({ ...files, 'src/extra.ts': brokenMount('api') })).toEqual({ routes: ['POST /api/chat'], unparsed: ['src/extra.ts'] });
    expect(unparsedAfterRoutes(files, { '@api': ['src/routes/api.ts'] }).unparsed).toEqual(['src/extra.ts']);
  });

  it('keeps middleware names in front of the handler', () => {
    const [route] = routesIn({ 'a.js': `const app = require('express')();\napp.post('/x', requireAuth, auth.admin, limit(5), (req, res) => {});\n` }, 'express');
    expect(route.middleware).toEqual(['requireAuth', 'auth.admin', 'limit']);
  });
});

describe('Fastify routes', () => {
  it('reads shorthand with options, handler in options, and route objects', () => {
    const lines = routeLines(
      {
        'routes.ts': `export default async function routes(fastify) {
  fastify.post('/a', { schema: {} }, async (request, reply) => {});
  fastify.post<{ Body: { email: string } }>('/b', {
    preHandler: [fastify.authenticate],
    handler: async (request) => {},
  });
  fastify.route({ method: ['GET', 'POST'], url: '/c', handler: create });
  fastify.route({ method: 'PUT', path: '/d', handler: async () => {} });
  fastify.get('/e', async () => ({}));
}
async function create(request, reply) {}
`,
      },
      'fastify',
    );
    expect(lines).toEqual(['POST /a -> routes.ts:2', 'POST /b -> routes.ts:5', 'POST /c -> routes.ts:11', 'PUT /d -> routes.ts:8', 'GET /e -> routes.ts:9']);
  });

  it('applies register prefixes: imported plugins, required plugins, import() and inline plugins, nested', () => {
    const files = {
      'src/app.ts': `import Fastify from 'fastify';
import users from './routes/users.js';
const app = Fastify();
app.register(users, { prefix: '/users' });
app.register(import('./routes/billing.js'), { prefix: '/billing' });
app.register(async (api) => {
  api.register(require('./routes/teams'), { prefix: '/teams' });
  api.post('/ping', async () => 'pong');
}, { prefix: '/v1' });
`,
      'src/routes/users.ts': `export default async function (fastify) {\n  fastify.post('/', async () => {});\n}\n`,
      'src/routes/billing.ts': `export default async function (fastify) {\n  fastify.post('/checkout', async () => {});\n}\n`,
      'src/routes/teams.js': `module.exports = async function (fastify) {\n  fastify.post('/:id/members', async () => {});\n};\n`,
    };
    expect(routeLines(files, 'fastify')).toEqual([
      'POST /v1/ping -> src/app.ts:8',
      'POST /billing/checkout -> src/routes/billing.ts:2',
      'POST /v1/teams/:id/members -> src/routes/teams.js:2',
      'POST /users -> src/routes/users.ts:2',
    ]);
  });

  it('keeps preHandler hook names', () => {
    const [route] = routesIn({ 'r.ts': `fastify.post('/x', { preHandler: [fastify.authenticate, requireAdmin] }, async () => {});\n` }, 'fastify');
    expect(route.middleware).toEqual(['fastify.authenticate', 'requireAdmin']);
  });
});

describe('Next.js app router', () => {
  it('reads route.ts method exports, wrapped and re-exported, with route groups dropped from the path', () => {
    const lines = routeLines(
      {
        'src/app/api/chat/route.ts': `export async function POST(req: Request) {}\nexport async function GET() {}\n`,
        'src/app/(marketing)/api/leads/route.ts': `export const POST = withAuth(async (req) => {\n  return Response.json({});\n});\n`,
        'app/api/items/[id]/route.js': `async function handler(req) {}\nexport { handler as PUT, handler as PATCH };\n`,
        'app/api/auth/[...nextauth]/route.ts': `import NextAuth from 'next-auth';\nconst handler = NextAuth({ providers: [] });\nexport { handler as GET, handler as POST };\n`,
        'src/app/page.tsx': `export default function Page() { return null; }\n`,
      },
      'next',
    );
    expect(lines).toEqual([
      'PUT /api/items/[id] -> app/api/items/[id]/route.js:1',
      'PATCH /api/items/[id] -> app/api/items/[id]/route.js:1',
      'POST /api/leads -> src/app/(marketing)/api/leads/route.ts:1',
      'GET /api/chat -> src/app/api/chat/route.ts:2',
      'POST /api/chat -> src/app/api/chat/route.ts:1',
    ]);
  });

  it("reads server actions: a 'use server' file's exports (wrapped ones too) and inline actions", () => {
    const lines = routeLines(
      {
        'src/app/actions.ts': `'use server';
export async function signup(formData: FormData) {}
export const login = validatedAction(schema, async (data) => {});
const remove = async (id: string) => {};
export { remove as deleteItem };
`,
        'src/app/settings/page.tsx': `export default function Page() {
  async function save(formData: FormData) {
    'use server';
  }
  return <form action={save} />;
}
`,
        'src/app/client.tsx': `'use client';\nexport function Form() { return null; }\n`,
      },
      'next',
    );
    expect(lines).toEqual(['action signup -> src/app/actions.ts:2', 'action login -> src/app/actions.ts:3', 'action deleteItem -> src/app/actions.ts:4', 'action save -> src/app/settings/page.tsx:2']);
  });
});

describe('Next.js pages router', () => {
  it('reads default exports: declared, by name, and wrapped (withSession(handler), nested wrappers, inline)', () => {
    const lines = routeLines(
      {
        'pages/api/a.ts': `export default async function handler(req, res) {}\n`,
        'pages/api/b.ts': `const handler = async (req, res) => {};\nexport default handler;\n`,
        'pages/api/c.ts': `async function handler(req, res) {}\nexport default withSession(handler);\n`,
        'pages/api/d.ts': `async function handler(req, res) {}\nexport default withSession(withRateLimit(handler, { max: 5 }));\n`,
        'pages/api/e/index.ts': `export default withSession(async (req, res) => {});\n`,
        'src/pages/api/f.ts': `export default async function handler(req, res) {\n  if (req.method !== 'POST') {\n    return res.status(405).end();\n  }\n}\n`,
        'pages/api/g.ts': `export default async function handler(req, res) {\n  if (req.method === 'GET') return res.json([]);\n}\n`,
        'pages/index.tsx': `export default function Home() { return null; }\n`,
      },
      'next',
    );
    expect(lines).toEqual([
      'ANY /api/a -> pages/api/a.ts:1',
      'ANY /api/b -> pages/api/b.ts:1',
      'ANY /api/c -> pages/api/c.ts:1',
      'ANY /api/d -> pages/api/d.ts:1',
      'ANY /api/e -> pages/api/e/index.ts:1',
      'ANY /api/g -> pages/api/g.ts:1',
      'POST /api/f -> src/pages/api/f.ts:1',
    ]);
  });
});
