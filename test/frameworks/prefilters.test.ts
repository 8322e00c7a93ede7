// The text tests that decide which files detection parses: every route the route finders read passes, and
// the `.get(` / `.delete(` of maps, headers, caches and HTTP clients does not (on a monorepo they were most parses).
import { expect, it } from 'vitest';
import type { Framework } from '../../src/detect/types.js';
import { mayDeclareRoutes } from '../../src/frameworks/routes.js';
import { routesIn } from '../detect/helpers.js';

// Each shape with an inline handler, so that the route finder's answer depends on the path alone.
const H = '(req, res) => {}';
const READ_PATHS = [`.get('/x', ${H})`, `.post(\`/api/chat\`, ${H})`, `.post<{ Body: Signup }>("/signup", ${H})`, `.post(\n  '/signup',\n  validate,\n  ${H},\n)`];
const UNREAD_PATHS = [`.get(ROUTES.LOGIN, ${H})`, `.get(paths.signup, ${H})`, `.get(apiRoute, ${H})`, `.get(/^\\/files\\/.*/, ${H})`, `.all('*', ${H})`, `.get(\`/users/\${id}\`, ${H})`, `.post(\`/api/\${version}/chat\`, ${H})`];

it('passes a file exactly when its verb calls have a path the route finders read (a constant, regex or template with ${} makes no route)', () => {
  const cases: Array<[Framework, string, string]> = [
    ...[...READ_PATHS, ...UNREAD_PATHS].map((call): [Framework, string, string] => ['express', "import express from 'express';\nconst router = express.Router();\n", `router${call};`]),
    ...[...READ_PATHS, ...UNREAD_PATHS, `.get('', ${H})`].map((call): [Framework, string, string] => ['fastify', '', `fastify${call};`]),
  ];
  for (const [framework, head, call] of cases) {
    const found = routesIn({ 'src/app.ts': head + call }, framework).length > 0;
    expect(mayDeclareRoutes(framework, 'src/app.ts', head + call), `${framework}: ${call}`).toBe(found);
  }
  // The shapes the finders read are found (the list above is no list of misses).
  expect(cases.filter(([framework, head, call]) => routesIn({ 'src/app.ts': head + call }, framework).length > 0)).toHaveLength(2 * READ_PATHS.length + 1);
});

it('passes route() chains and route objects', () => {
  for (const text of ['fastify.route<{ Body: { email: string } }>({ method: "POST", url: "/signup", handler })', "router.route('/x').get(handler)"]) {
    expect(mayDeclareRoutes('express', 'src/app.ts', text), text).toBe(true);
  }
});

it('does not pass the reads and deletes of maps, headers, caches and HTTP clients (a route has a handler after its path)', () => {
  for (const text of [
    'const v = map.get(key);',
    "req.headers.get('x-id')",
    'await cache.delete(id)',
    'params.get("page")',
    'const entry = this.cache.get(path);',
    'const url = urls.get(fileUrl);',
    'headers.get(PUBLISHABLE_KEY_HEADER)',
    'subscribers.get("*")',
    "const users = await api.get('/users');",
    'await http.delete(`/items/${id}`)',
    'await firstValueFrom(this.httpService.post(hubspotSubmitUrl, body));',
    'const res = await axios.post(this.SLACK_ACCESS_URL, body);',
  ]) {
    expect(mayDeclareRoutes('express', 'src/util.ts', text), text).toBe(false);
  }
});

it('parses a file with a generic method call (run, stream, invoke, batch) only when it says something AI-like', async () => {
  const { mayHoldSdkCall } = await import('../../src/detect/sdk-catalog.js');
  expect(mayHoldSdkCall("const out = await replicate.run('stability-ai/sdxl', { input })")).toBe(true);
  expect(mayHoldSdkCall("import { llm } from './llm';\nconst reply = await llm.invoke(prompt);")).toBe(true);
  expect(mayHoldSdkCall('const reply = await model.stream(messages);')).toBe(true);
  expect(mayHoldSdkCall('const { result } = await createOrderWorkflow(container).run({ input });')).toBe(false);
  expect(mayHoldSdkCall('const { result } = await createFulfillmentWorkflow(req.scope).run({ input });')).toBe(false);
  expect(mayHoldSdkCall('await enrollmentFlow.run(student);\nconst INSTALLMENTS = 3;')).toBe(false);
  expect(mayHoldSdkCall('import { Queue } from "bullmq";\nawait flow.run(job);')).toBe(false);
  for (const name of ['llm', 'llmClient', 'chatllm', 'my_llm_client', 'chatLLM', 'LLMChain', 'MY_LLM', 'openaiLlm']) {
    expect(mayHoldSdkCall(`import { ${name} } from './ai';\nconst reply = await ${name}.invoke(prompt);`), name).toBe(true);
  }
  expect(mayHoldSdkCall('await client.chat.completions.create({ messages })')).toBe(true);
});

it('passes a call of every billable SDK method and AI SDK function, also broken over lines', async () => {
  const { AI_SDK_FUNCTIONS, CLIENT_SDKS, mayHoldSdkCall } = await import('../../src/detect/sdk-catalog.js');
  for (const call of CLIENT_SDKS.flatMap((s) => s.calls).filter((c) => !['run', 'stream', 'invoke', 'batch'].includes(c))) {
    expect(mayHoldSdkCall(`await client.${call}({ model })`), call).toBe(true);
    expect(mayHoldSdkCall(`await client\n  .${call.split('.').join('\n  .')}({ model })`), `${call} over lines`).toBe(true);
  }
  for (const fn of AI_SDK_FUNCTIONS) {
    expect(mayHoldSdkCall(`import { ${fn} } from 'ai';\nconst result = await ${fn}({ model, prompt })`), fn).toBe(true);
    expect(mayHoldSdkCall(`import * as ai from "ai";\nconst result = await ai.${fn}({ model, prompt })`), `ai.${fn}`).toBe(true);
    expect(mayHoldSdkCall(`const { ${fn} } = require(\`ai\`);\n${fn}({ model })`), `require ${fn}`).toBe(true);
  }
  expect(mayHoldSdkCall('const total = items.reduce((sum, item) => sum + item.price, 0);')).toBe(false);
});

it('parses a file for AI SDK functions only when it imports the ai package (embedding a video is not embed())', async () => {
  const { mayHoldSdkCall } = await import('../../src/detect/sdk-catalog.js');
  expect(mayHoldSdkCall('const mode = "embed";\nreturn <EmbedTab mode={mode} />;')).toBe(false);
  expect(mayHoldSdkCall("import { embed } from './video';\nembed(url);")).toBe(false);
  expect(mayHoldSdkCall("import { generateText } from 'ai/rsc';\ngenerateText();")).toBe(false);
});

it('parses a file for auth-library hooks only when it imports the library with what the parse takes for a config, or names the Clerk event and Clerk or svix', async () => {
  const { mayHoldAuthHook } = await import('../../src/detect/auth-hooks.js');
  for (const text of [
    "import NextAuth from 'next-auth';",
    'import NextAuth, {\n  type NextAuthConfig,\n} from "next-auth";',
    "import * as NextAuthModule from 'next-auth';",
    "const NextAuth = require('next-auth');",
    'import GitHub from "next-auth/providers/github";\nexport const config = { providers: [GitHub] };',
    "import Google from 'next-auth/providers/google';\nexport default { \"providers\": [Google] };",
    "import type { NextAuthConfig } from 'next-auth';\nconst providers = [];\nexport default { providers, pages } satisfies NextAuthConfig;",
    "import { PrismaAdapter } from '@auth/prisma-adapter';\nexport const authOptions = { adapter: PrismaAdapter(db), providers: [] };",
    "import { betterAuth } from 'better-auth';\nexport const auth = betterAuth({});",
    "const { betterAuth } = require('better-auth');\nbetterAuth({})",
    "import { Webhook } from 'svix';\nif (evt.type === 'user.created') {}",
    "import { verifyWebhook } from '@clerk/nextjs/webhooks';\nswitch (type) { case `user.created`: }",
    "const secret = process.env.CLERK_WEBHOOK_SECRET;\nconst handlers = { 'user.created': onUser };",
  ]) expect(mayHoldAuthHook(text), text).toBe(true);
  for (const text of [
    "import { isValidIP } from '@better-auth/core/utils/ip';",
    "'use client';\nimport { useSession, signOut } from 'next-auth/react';",
    "import { useSession } from 'next-auth/react';\nconst row = { providers: user.accounts.map((a) => a.provider) };",
    'import GitHub from "next-auth/providers/github";\n// the SSO providers of a tenant\nexport const tenantProviders = [GitHub];',
    'import type { Provider } from "next-auth/providers/index";\nexport function tenantProviders() {\n  const providers: Provider[] = [];\n  return providers;\n}',
    "import type { Session } from 'next-auth';\nimport { getServerSession } from 'next-auth';",
    "import { PrismaAdapter } from '@auth/prisma-adapter';\nexport const adapter = PrismaAdapter(db);",
    "import { createAuthClient } from 'better-auth/react';\nexport const client = createAuthClient();",
    '// user.created is logged elsewhere',
    "if (evt.type === 'user.created') {}",
    'export const UserWorkflowEvents = {\n  CREATED: "user.created",\n  UPDATED: "user.updated",\n}',
    "import { auth } from '@/auth';",
  ]) expect(mayHoldAuthHook(text), text).toBe(false);
});

it('finds every AI host by the substring it checks first, and a configured URL without it', async () => {
  const { AI_HOSTS, mayCallAiHost } = await import('../../src/detect/http-calls.js');
  for (const { host } of AI_HOSTS) {
    const url = `https://${host.source.replace(/\\\./g, '.')}/v1/x`;
    expect(mayCallAiHost(`await fetch("${url}", { method: "POST" })`, []), url).toBe(true);
  }
  expect(mayCallAiHost('await fetch("https://llm.internal:8080/generate")', ['https://llm.internal:8080'])).toBe(true);
  expect(mayCallAiHost('await fetch("https://example.org/")', [])).toBe(false);
});

it('reads an AI host only in a file that makes a request the parse reads (a form placeholder is no call)', async () => {
  const { mayCallAiHost } = await import('../../src/detect/http-calls.js');
  for (const text of [
    'const res = await globalThis.fetch(`https://api.openai.com/v1/chat/completions`, init);',
    "await axios.post('https://api.anthropic.com/v1/messages', body);",
    "await axios({ method: 'post', url: 'https://api.groq.com/openai/v1/chat/completions' });",
    "await api.put('https://api.replicate.com/v1/predictions', body);",
  ]) expect(mayCallAiHost(text, []), text).toBe(true);
  for (const text of [
    '<Input placeholder="https://api.openai.com/v1" {...field} />',
    "export const DEFAULT_BASE_URL = 'https://api.anthropic.com';",
  ]) expect(mayCallAiHost(text, []), text).toBe(false);
  expect(mayCallAiHost('const url = "https://llm.internal:8080/generate";', ['https://llm.internal:8080'])).toBe(false);
});

it('finds guests and user-owned keys in any of their spellings, and server-action files by their directive', async () => {
  const { findAccounts } = await import('../../src/detect/accounts.js');
  const guests = ['createGuestUser()', 'createAnonymousUser ()', 'createAnonUser()', 'auth.signInAnonymously()', 'anonymous()'];
  const found = findAccounts(guests.map((g, i) => [`src/g${i}.ts`, `const u = await ${g};\n`]), [], null);
  expect(found.guests.map((g) => g.what)).toEqual(['createGuestUser()', 'createAnonymousUser()', 'createAnonUser()', 'signInAnonymously()', 'anonymous()']);
  const keys = findAccounts([['src/k.ts', 'const c = new OpenAI({ apiKey: req.user.openaiKey });\n'], ['src/e.ts', 'const c = new OpenAI({ apiKey: process.env.KEY });\n']], [], null);
  expect(keys.ownKeys).toEqual([{ file: 'src/k.ts', line: 1, what: 'new OpenAI(' }]);
  expect(mayDeclareRoutes('next', 'src/lib/actions.ts', '"use server";\nexport async function go() {}')).toBe(true);
  expect(mayDeclareRoutes('next', 'src/lib/util.ts', 'export const useServer = 1;')).toBe(false);
});

it('reads a signup name in a Next.js file only where a route or server action can have it, not after a dot', async () => {
  const { SIGNUP_NAME, namesSignupInText } = await import('../../src/detect/signup-handlers.js');
  for (const text of [
    'export async function registerUser(form: FormData) {}',
    'export const joinTeam = async (id: string) => {};',
    'export async function handleSignUp() {}',
    "export { createAccountAction as createAccount } from './impl';",
    "redirect('/sign-up');",
    'ids.join(", ");\nexport async function onboardUser() {}',
    'a.$join(); $register();',
    'register',
  ]) expect(namesSignupInText(text), text).toBe(true);
  for (const text of ["const list = ids.join(', ');", 'const dir = path.join(__dirname, "x");', 'await fastify.register(plugin);', 'x.preRegister(); y.$signup;']) {
    expect(SIGNUP_NAME.test(text), text).toBe(true);
    expect(namesSignupInText(text), text).toBe(false);
  }
});

it('reads signup names in text as the one pattern with a lookbehind did, on every arrangement of dots, words and names', async () => {
  const { namesSignupInText } = await import('../../src/detect/signup-handlers.js');
  const asPattern = /(?<![.\w$])[\w$]*(?:sign-?up|register|join|create-?account|onboard)/i;
  const parts = ['.', ' ', '$', 'x', 'pre', 'join', 'SignUp', 'sign-up', 'create-account', '\n', '(', 'Onboard'];
  // Every text of up to four parts: 12 + 144 + 1,728 + 20,736 arrangements.
  const texts: string[] = [''];
  for (let length = 0, from = 0; length < 4; length++) {
    const to = texts.length;
    for (let i = from; i < to; i++) for (const part of parts) texts.push(texts[i] + part);
    from = to;
  }
  const differ = texts.filter((text) => namesSignupInText(text) !== asPattern.test(text));
  expect(differ).toEqual([]);
});

it('reads a file for SDK clients when it constructs one, or imports an SDK, not when it names one in a string', async () => {
  const { mayMakeClient } = await import('../../src/detect/sdk-catalog.js');
  for (const text of [
    "import OpenAI from 'openai';",
    'const { OpenAI } = require("openai");',
    "const { default: OpenAI } = await import('openai');",
    "export { Anthropic } from '@anthropic-ai/sdk';",
    "import { ChatOpenAI } from '@langchain/openai';",
    'const llm = new ChatOpenAI({ model });',
    "fastify.decorate('ai', client);",
  ]) expect(mayMakeClient(text), text).toBe(true);
  for (const text of ["const providers = ['openai', 'anthropic'];", 'if (provider === "openai") {}', "const label = { replicate: 'Replicate' };"]) {
    expect(mayMakeClient(text), text).toBe(false);
  }
});
