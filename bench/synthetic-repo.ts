// A large synthetic monorepo for the benchmark: three apps (Express, Next.js, Fastify) with signup routes
// and AI calls, sixty library packages of ordinary TypeScript, and two minified bundles — about 15,000
// files. Deterministic: the same seed gives the same tree.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const LIBRARIES = 60;
const FILES_PER_LIBRARY = 236;
const FILES_PER_APP = 300;

function write(root: string, path: string, text: string): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
}

/** Ordinary library code: imports, a class, a few functions — no billing, no routes. */
function libraryFile(pkg: number, i: number): string {
  const prev = i > 0 ? `import { helper${i - 1} } from './module-${i - 1}.js';\n` : '';
  return `${prev}import { z } from 'zod';

export const Schema${i} = z.object({ id: z.string(), count: z.number().int().nonnegative() });
export type Item${i} = z.infer<typeof Schema${i}>;

export class Store${i} {
  private readonly items = new Map<string, Item${i}>();

  add(item: Item${i}): void {
    this.items.set(item.id, Schema${i}.parse(item));
  }

  total(): number {
    let sum = 0;
    for (const item of this.items.values()) sum += item.count;
    return sum;
  }
}

export function helper${i}(values: number[]): number {
  // package ${pkg}, module ${i}
  return values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);
}

export async function load${i}(fetcher: (id: string) => Promise<Item${i}>, ids: string[]): Promise<Item${i}[]> {
  const out: Item${i}[] = [];
  for (const id of ids) out.push(await fetcher(id));
  return out;
}
`;
}

function expressRoute(i: number): string {
  if (i === 0) {
    return `import { Router } from 'express';
import { db } from '../db.js';

export const authRouter = Router();

authRouter.post('/signup', async (req, res) => {
  const user = await db.user.create({ data: { email: req.body.email, name: req.body.name } });
  res.status(201).json({ id: user.id });
});
`;
  }
  if (i % 25 === 1) {
    return `import { Router } from 'express';
import { openai } from '../lib/openai.js';

export const router${i} = Router();

router${i}.post('/chat-${i}', async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: req.body.messages });
  res.json({ text: completion.choices[0]?.message.content, user: req.user.id });
});
`;
  }
  return `import { Router } from 'express';

export const router${i} = Router();

router${i}.get('/items-${i}', async (req, res) => {
  res.json({ page: Number(req.query.page ?? 1), size: ${i} });
});
`;
}

/** A bundle with very long lines: read, recognised as minified, never parsed. */
function minifiedBundle(size: number): string {
  const chunk = 'function a(b){return b&&b.c?b.c(d):e(f,g)}var h=[1,2,3].map(function(i){return i*2});';
  return `${chunk.repeat(Math.ceil(size / chunk.length))}\n`;
}

export function generateSyntheticRepo(root: string): number {
  let files = 0;
  const put = (path: string, text: string) => {
    write(root, path, text);
    files++;
  };
  put('package.json', JSON.stringify({ name: 'bench-monorepo', private: true, workspaces: ['apps/*', 'packages/*'] }, null, 2));
  put('.gitignore', 'node_modules\ndist\n');
  for (let p = 0; p < LIBRARIES; p++) {
    put(`packages/lib-${p}/package.json`, JSON.stringify({ name: `@bench/lib-${p}`, dependencies: { zod: '^3.23.0' } }));
    for (let i = 0; i < FILES_PER_LIBRARY; i++) put(`packages/lib-${p}/src/module-${i}.ts`, libraryFile(p, i));
  }
  put('apps/api/package.json', JSON.stringify({ name: '@bench/api', type: 'module', dependencies: { express: '^5.1.0', openai: '^5.10.0' } }));
  put('apps/api/tsconfig.json', JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }));
  put('apps/api/src/lib/openai.ts', "import OpenAI from 'openai';\n\nexport const openai = new OpenAI();\n");
  put('apps/api/src/db.ts', 'export const db = { user: { create: async (args: { data: { email: string; name: string } }) => ({ id: "u1", ...args.data }) } };\n');
  for (let i = 0; i < FILES_PER_APP; i++) put(`apps/api/src/routes/route-${i}.ts`, expressRoute(i));
  put('apps/web/package.json', JSON.stringify({ name: '@bench/web', dependencies: { next: '15.5.4', react: '19.1.0', ai: '^5.0.0' } }));
  for (let i = 0; i < FILES_PER_APP; i++) put(`apps/web/src/components/widget-${i}.tsx`, `export function Widget${i}() {\n  return <div>widget ${i}</div>;\n}\n`);
  put('apps/web/public/vendor.min.js', minifiedBundle(900_000));
  put('apps/web/public/analytics.js', minifiedBundle(600_000));
  put('apps/worker/package.json', JSON.stringify({ name: '@bench/worker', dependencies: { fastify: '^5.4.0' } }));
  for (let i = 0; i < FILES_PER_APP; i++) put(`apps/worker/src/jobs/job-${i}.ts`, libraryFile(999, i));
  execFileSync('git', ['init', '-q'], { cwd: root });
  execFileSync('git', ['add', '-A'], { cwd: root });
  execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', 'commit', '-qm', 'synthetic monorepo'], { cwd: root });
  return files;
}
