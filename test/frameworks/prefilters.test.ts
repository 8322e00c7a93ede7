// The text tests that decide which files detection parses: every way an app declares a route passes,
// and the `.get(` / `.delete(` of maps, headers and caches does not (on a large monorepo they were most parses).
import { expect, it } from 'vitest';
import { mayDeclareRoutes } from '../../src/frameworks/routes.js';

it('passes route declarations', () => {
  for (const text of [
    "router.get('/x', handler)",
    'app.post(`/api/${version}/chat`, handler)',
    'fastify.post<{ Body: Signup }>("/signup", handler)',
    'fastify.route<{ Body: { email: string } }>({ method: "POST", url: "/signup", handler })',
    "router.route('/x').get(handler)",
    'router.get(ROUTES.LOGIN, handler)',
    'app.get(paths.signup, handler)',
    'app.get(apiRoute, handler)',
    'app.get(/^\\/files\\/.*/, handler)',
    "app.all('*', handler)",
    "router.get('', list)",
  ]) expect(mayDeclareRoutes('express', 'src/app.ts', text), text).toBe(true);
});

it('does not pass the reads and deletes of maps, headers and caches', () => {
  for (const text of ['const v = map.get(key);', "req.headers.get('x-id')", 'await cache.delete(id)', 'params.get("page")']) {
    expect(mayDeclareRoutes('express', 'src/util.ts', text), text).toBe(false);
  }
});

it('parses a file with a generic method call (run, stream, invoke, batch) only when it says something AI-like', async () => {
  const { mayHoldSdkCall } = await import('../../src/detect/sdk-catalog.js');
  expect(mayHoldSdkCall("const out = await replicate.run('stability-ai/sdxl', { input })")).toBe(true);
  expect(mayHoldSdkCall("import { llm } from './llm';\nconst reply = await llm.invoke(prompt);")).toBe(true);
  expect(mayHoldSdkCall('const reply = await model.stream(messages);')).toBe(true);
  expect(mayHoldSdkCall('const { result } = await createOrderWorkflow(container).run({ input });')).toBe(false);
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

it('parses a file for auth-library hooks only when it imports the library or names the Clerk event', async () => {
  const { mayHoldAuthHook } = await import('../../src/detect/auth-hooks.js');
  for (const text of [
    "import NextAuth from 'next-auth';",
    'import GitHub from "next-auth/providers/github";',
    "import { PrismaAdapter } from '@auth/prisma-adapter';",
    "import { betterAuth } from 'better-auth';\nexport const auth = betterAuth({});",
    "const { betterAuth } = require('better-auth');\nbetterAuth({})",
    "if (evt.type === 'user.created') {}",
    'switch (type) { case `user.created`: }',
  ]) expect(mayHoldAuthHook(text), text).toBe(true);
  for (const text of [
    "import { isValidIP } from '@better-auth/core/utils/ip';",
    "import { createAuthClient } from 'better-auth/react';\nexport const client = createAuthClient();",
    '// user.created is logged elsewhere',
    "import { auth } from '@/auth';",
  ]) expect(mayHoldAuthHook(text), text).toBe(false);
});
