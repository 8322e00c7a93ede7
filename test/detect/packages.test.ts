// Package-level facts: which folders are apps, what each app's own files are, module system, package
// manager, tsconfig reading, generated billing module, installed versions.
import { describe, expect, it } from 'vitest';
import { detectStack } from '../../src/detect/stack.js';
import { loadProject } from '../../src/project/project.js';
import { writeTree } from './helpers-disk.js';

const OPENAI_CALL = `import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport const run = () => openai.chat.completions.create({});\n`;

async function detect(files: Record<string, string | object>) {
  return (await detectStack(await loadProject(writeTree(files)))).packages;
}

describe('app packages', () => {
  it('gives a root app and an app nested inside it each their own files', async () => {
    const packages = await detect({
      'package.json': { name: 'api', dependencies: { express: '^4.21.2', openai: '^4.0.0' } },
      'src/ai.js': OPENAI_CALL,
      'web/package.json': { name: 'web', dependencies: { next: '15.0.0', openai: '^4.0.0' } },
      'web/app/page.tsx': `export default function Page() { return null; }\n`,
      'web/lib/ai.ts': OPENAI_CALL,
    });
    expect(packages.map((p) => [p.path, p.framework, p.billableCalls.map((c) => c.file)])).toEqual([
      ['.', 'express', ['src/ai.js']],
      ['web', 'next', ['web/lib/ai.ts']],
    ]);
  });

  it("leaves the files of every package inside an app to that package: a workspace library's code is not the root app's", async () => {
    const packages = await detect({
      'package.json': { name: 'repo', private: true, workspaces: ['packages/*'], devDependencies: { express: '^4.21.2' } },
      'server/ai.js': OPENAI_CALL,
      'packages/llm/package.json': { name: 'llm', dependencies: { openai: '^4.0.0' } },
      'packages/llm/src/ai.ts': OPENAI_CALL,
      'packages/auth/package.json': { name: 'auth' },
      'packages/auth/src/me.ts': `export const me = (req) => req.user;\n`,
      'tools/package.json': { devDependencies: { openai: '^4.0.0' } },
      'tools/ai.js': OPENAI_CALL,
      // A marker that only sets the module type is no package: its folder stays the root's.
      'src/package.json': { type: 'module' },
      'src/ai.js': OPENAI_CALL,
    });
    expect(packages.map((p) => [p.path, p.billableCalls.map((c) => c.file), p.accounts.identity])).toEqual([['.', ['server/ai.js', 'src/ai.js'], null]]);
  });

  it('reads npm workspaces with exclusions, and leaves libraries out', async () => {
    const packages = await detect({
      'package.json': { name: 'repo', private: true, workspaces: ['apps/*', 'packages/*', '!apps/legacy'] },
      'apps/site/package.json': { name: 'site', dependencies: { next: '^14.2.0' } },
      'apps/legacy/package.json': { name: 'legacy', dependencies: { express: '^3.0.0' } },
      'packages/ui/package.json': { name: 'ui', peerDependencies: { react: '^18' } },
      'package-lock.json': '{}',
    });
    expect(packages.map((p) => [p.path, p.name, p.packageManager])).toEqual([['apps/site', 'site', 'npm']]);
  });

  it('reads pnpm-workspace.yaml lists in block and flow style', async () => {
    const app = { dependencies: { express: '4' } };
    const block = await detect({ 'pnpm-workspace.yaml': "packages:\n  - 'apps/**' # deployed\n  - \"tools/*\"\nonlyBuiltDependencies:\n  - esbuild\n", 'apps/a/b/c/package.json': app, 'tools/t/package.json': app, 'other/o/x/y/package.json': app });
    expect(block.map((p) => p.path)).toEqual(['apps/a/b/c', 'tools/t']);
    // Members deeper than three folders count only through the workspace list.
    const flow = await detect({ 'pnpm-workspace.yaml': "packages: ['apps/**', \"services/*\"]\n", 'apps/team/x/a/package.json': app, 'services/s/package.json': app, 'deep/x/y/z/package.json': app });
    expect(flow.map((p) => p.path)).toEqual(['apps/team/x/a', 'services/s']);
  });

  it('falls back to the root when no package declares a framework', async () => {
    const packages = await detect({ 'package.json': { name: 'tool', dependencies: { openai: '^4' } }, 'bin.js': OPENAI_CALL });
    expect(packages.map((p) => [p.path, p.framework, p.frameworkVersion, p.billableCalls.length])).toEqual([['.', 'unknown', null, 1]]);
  });
});

describe('package facts', () => {
  it('reads how a TypeScript app runs from its compiler settings, not from its CommonJS config files', async () => {
    const files = (module: string) => ({
      'package.json': { name: 'api', dependencies: { express: '^4' } },
      'tsconfig.json': { compilerOptions: { module, moduleResolution: module === 'esnext' ? 'bundler' : 'node' } },
      'jest.config.js': `module.exports = { preset: 'ts-jest' };\n`,
      '.eslintrc.cjs': `module.exports = {};\n`,
      'src/app.ts': `import express from 'express';\nimport { x } from './x';\nexport const app = express();\n`,
      'src/x.ts': `export const x = 1;\n`,
    });
    // Written with import/export either way; compiled to CommonJS it runs as CommonJS.
    const [commonjs] = await detect(files('commonjs'));
    expect([commonjs.language, commonjs.module, commonjs.importExtension]).toEqual(['ts', 'cjs', '']);
    const [esnext] = await detect(files('esnext'));
    expect([esnext.language, esnext.module, esnext.importExtension]).toEqual(['ts', 'esm', '']);
  });

  it('reads CommonJS JavaScript as cjs and ESM JavaScript with .js imports as esm', async () => {
    const [cjs] = await detect({ 'package.json': { dependencies: { express: '^4' } }, 'app.js': `const express = require('express');\nmodule.exports = express();\n` });
    expect([cjs.language, cjs.module, cjs.importExtension]).toEqual(['js', 'cjs', '']);
    const [esm] = await detect({ 'package.json': { type: 'module', dependencies: { express: '^4' } }, 'app.js': `import { x } from './x.js';\n`, 'x.js': 'export const x = 1;\n' });
    expect([esm.language, esm.module, esm.importExtension]).toEqual(['js', 'esm', '.js']);
  });

  it('reads tsconfig extends chains (JSONC, missing package bases) and paths relative to the declaring file', async () => {
    const [pkg] = await detect({
      'package.json': { dependencies: { fastify: '^5' } },
      'tsconfig.json': `{\n  // comments and trailing commas, as tsc allows\n  "extends": ["@tsconfig/node20/tsconfig.json", "./configs/base.json"],\n  "compilerOptions": { "outDir": "dist", },\n}\n`,
      'configs/base.json': { compilerOptions: { baseUrl: '..', module: 'NodeNext', paths: { '~/*': ['src/*'], '#db': ['src/db/index.ts'] } } },
      'src/server.ts': `import Fastify from 'fastify';\n`,
    });
    expect(pkg.aliases).toEqual({ '~/*': ['./src/*'], '#db': ['./src/db/index.ts'] });
    // NodeNext without "type": "module" compiles to CommonJS, where relative imports need no extension.
    expect([pkg.module, pkg.importExtension]).toEqual(['cjs', '']);
  });

  it('reads a base from an installed package (its tsconfig.json), and keeps comment and comma look-alikes inside strings', async () => {
    const [pkg] = await detect({
      'package.json': { dependencies: { fastify: '^5' } },
      'tsconfig.json': `{ "extends": "@acme/tsconfig", /* block */ "compilerOptions": { "paths": { "//*": ["./src/*"], "a,}": ["./b/*",] } } }\n`,
      'node_modules/@acme/tsconfig/package.json': { name: '@acme/tsconfig' },
      'node_modules/@acme/tsconfig/tsconfig.json': { compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler' } },
      'src/server.ts': `import Fastify from 'fastify';\n`,
    });
    expect(pkg.aliases).toEqual({ '//*': ['./src/*'], 'a,}': ['./b/*'] });
    expect(pkg.module).toBe('esm');
  });

  it('asks for .js extensions under NodeNext in an ESM package', async () => {
    const [pkg] = await detect({
      'package.json': { type: 'module', dependencies: { fastify: '^5' } },
      'tsconfig.json': { compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } },
      'src/server.ts': `import Fastify from 'fastify';\n`,
    });
    expect([pkg.module, pkg.importExtension]).toEqual(['esm', '.js']);
  });

  it('prefers the declared packageManager, then the nearest lockfile', async () => {
    const [declared] = await detect({ 'package.json': { packageManager: 'yarn@4.5.0', dependencies: { next: '15' } }, 'package-lock.json': '{}' });
    expect(declared.packageManager).toBe('yarn');
    const packages = await detect({
      'package.json': { private: true, workspaces: ['apps/*'] },
      'pnpm-lock.yaml': 'lockfileVersion: 9.0\n',
      'apps/a/package.json': { dependencies: { express: '4' } },
      'apps/b/package.json': { dependencies: { express: '4' } },
      'apps/b/bun.lock': '{}',
    });
    expect(packages.map((p) => p.packageManager)).toEqual(['pnpm', 'bun']);
  });

  it('prefers the installed framework version to the declared range', async () => {
    const [pkg] = await detect({
      'package.json': { dependencies: { express: '^4.18.0' } },
      'node_modules/express/package.json': { name: 'express', version: '4.21.2' },
    });
    expect(pkg.frameworkVersion).toBe('4.21.2');
  });

  it('finds the billing module this toolkit generated, and billing libraries already there', async () => {
    const [pkg] = await detect({
      'package.json': { dependencies: { express: '4', stripe: '17', '@lemonsqueezy/lemonsqueezy.js': '4' } },
      'src/lib/billing.ts': `// Generated by billing-codemod (client-setup) for Credyt. You own this file.\nexport const billing = {};\n`,
    });
    expect(pkg.billing).toEqual({ existing: ['lemonsqueezy', 'stripe'], module: 'src/lib/billing.ts' });
  });

  it('does not take a route another area generated for the billing module', async () => {
    const [pkg] = await detect({
      'package.json': { dependencies: { express: '4' } },
      'src/routes/billing-portal.ts': `// Generated by billing-codemod (billing-portal): a signed-in customer opens the portal here.
export {};
`,
    });
    expect(pkg.billing.module).toBeNull();
  });
});

describe('files that do not parse', () => {
  it('reports the file and the parser message, and still detects the rest', async () => {
    const [pkg] = await detect({
      'package.json': { dependencies: { express: '4', openai: '4' } },
      'src/ai.ts': OPENAI_CALL,
      'src/broken.ts': `import OpenAI from 'openai';\nconst openai = new OpenAI();\nopenai.chat.completions.create({ model: 'x' ;\n`,
      'src/routes.ts': `import { Router } from 'express';\nexport const r = Router();\nr.post('/signup', async (req, res) => { await db.user.create({}); });\n`,
    });
    expect(pkg.unparsed).toEqual([{ file: 'src/broken.ts', reason: `line 3: Unexpected token, expected ","` }]);
    expect(pkg.billableCalls.map((c) => c.file)).toEqual(['src/ai.ts']);
    expect(pkg.signupHandlers.map((h) => h.route)).toEqual(['POST /signup']);
  });
});
