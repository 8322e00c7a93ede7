// The lint-setup apps (test/fixtures/lint-apps/*: ESLint flat with @stylistic, legacy `standard` and
// airbnb-base, antfu's config, Biome, Prettier + ESLint), their linters installed from their own
// devDependencies, and planning in a copy. One provider per test file: ESLint (typescript-eslint's project
// service) keeps state per process, so one process lints one copy of each app.
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect } from 'vitest';
import { writeChanges } from '../../src/apply/write.js';
import { configOf, openWorkspace, planArea, selectPackage } from '../../src/areas/run.js';
import { findArea } from '../../src/areas/registry.js';
import type { Plan } from '../../src/plan/types.js';

const APPS = join(import.meta.dirname, '..', 'fixtures', 'lint-apps');
export const AREAS = ['client-setup', 'customers', 'usage-events', 'balance-gates', 'billing-portal', 'balance-display', 'webhooks', 'cost-tracking'];

export interface Setup {
  app: string;
  /** The app's source files we expect the areas to edit. */
  edited: string[];
  lint(dir: string, files: string[]): Record<string, string[]>;
  /** The route areas (billing-portal, balance-display, webhooks) add files here. */
  routes?: boolean;
}

const eslint = (dir: string, files: string[]) => {
  let out: string;
  try {
    out = execFileSync(join(dir, 'node_modules', '.bin', 'eslint'), ['--format', 'json', ...files], { cwd: dir, encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
  } catch (error) {
    out = (error as { stdout?: string }).stdout ?? '';
    if (!out.startsWith('[')) throw error;
  }
  const results = JSON.parse(out) as Array<{ filePath: string; messages: Array<{ ruleId: string | null; line: number; message: string }> }>;
  return Object.fromEntries(results.map((r) => [r.filePath.slice(dir.length + 1), r.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message} (line ${m.line})`)]));
};

const biome = (dir: string, files: string[]) => {
  let out = '';
  try {
    out = execFileSync(join(dir, 'node_modules', '.bin', 'biome'), ['lint', '--reporter=json', '--max-diagnostics=500', ...files], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) {
    out = (error as { stdout?: string }).stdout ?? '';
  }
  const report = JSON.parse(out.split('\n').find((l) => l.startsWith('{')) ?? '{}') as { diagnostics?: Array<{ category: string; message: string; location: { path: string; start?: { line: number } } }> };
  const byFile: Record<string, string[]> = Object.fromEntries(files.map((f) => [f, []]));
  for (const d of report.diagnostics ?? []) (byFile[d.location.path] ??= []).push(`${d.category}: ${d.message} (line ${d.location.start?.line ?? 0})`);
  return byFile;
};

export const SETUPS: Setup[] = [
  { app: 'eslint-flat-stylistic', edited: ['src/app.ts'], lint: eslint },
  // These two also have a guarded router (src/account.js) mounted in src/app.js: the route areas add theirs.
  { app: 'eslint-standard', edited: ['src/app.js'], lint: eslint, routes: true },
  { app: 'eslint-airbnb', edited: ['src/app.js'], lint: eslint, routes: true },
  { app: 'eslint-antfu', edited: ['src/app.ts'], lint: eslint },
  { app: 'prettier-eslint', edited: ['src/app.ts'], lint: eslint },
  { app: 'biome', edited: ['src/app.ts'], lint: biome },
];

/**
 * The app's devDependencies installed once per machine, in a folder named after them. Two test files of one
 * setup (each provider's) run in two workers at once: each installs in a folder of its own and renames it into
 * place, and the one that comes second keeps the first one's. Two npm installs in one folder at once left
 * ESLint without a file of its own (`lib/shared/assert.js`), and the tests failing inside ESLint.
 */
export async function installLinters(app: string): Promise<string> {
  const pkg = JSON.parse(readFileSync(join(APPS, app, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  const specs = Object.entries(pkg.devDependencies).map(([name, version]) => `${name}@${version}`);
  const hash = createHash('sha256').update(specs.join(' ')).digest('hex').slice(0, 12);
  const cache = join(tmpdir(), `billing-codemod-test-linters-${app}-${hash}`);
  if (!existsSync(join(cache, 'installed'))) {
    const own = `${cache}.${process.pid}`;
    rmSync(own, { recursive: true, force: true });
    mkdirSync(own, { recursive: true });
    writeFileSync(join(own, 'package.json'), '{"name":"lint-cache","private":true}');
    await promisify(execFile)('npm', ['install', ...specs, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: own, timeout: 600_000 });
    writeFileSync(join(own, 'installed'), specs.join('\n'));
    try {
      renameSync(own, cache);
    } catch {
      rmSync(own, { recursive: true, force: true });
      if (!existsSync(join(cache, 'installed'))) throw new Error(`${cache} is there without its install: remove it and run the tests again`);
    }
  }
  return join(cache, 'node_modules');
}


export async function planIn(dir: string, area: string): Promise<Plan> {
  const ws = await openWorkspace(dir);
  const pkg = selectPackage(ws);
  return planArea((await findArea(area))!, ws, pkg, configOf(ws, pkg));
}


const made: string[] = [];

/** A copy of the setup's app with its linters linked in (removed after the file's tests). */
export async function lintApp(setup: Setup, label: string): Promise<string> {
  if (made.length === 0) afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const modules = await installLinters(setup.app);
  const dir = mkdtempSync(join(tmpdir(), `lint-${setup.app}-${label}-`));
  made.push(dir);
  cpSync(join(APPS, setup.app), dir, { recursive: true });
  symlinkSync(modules, join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Problems by rule, without lines (an edit moves them). */
export const rules = (list: string[] | undefined) => (list ?? []).map((p) => p.replace(/ \(line \d+\)$/, '')).sort();

/** Plans and writes each area in turn: the source files created, and every note. */
export async function applyAreas(dir: string, areas: string[]): Promise<{ created: string[]; notes: string[] }> {
  const created = new Set<string>();
  const notes: string[] = [];
  for (const area of areas) {
    const plan = await planIn(dir, area);
    writeChanges(dir, plan.changes);
    for (const change of plan.changes) if (change.action === 'create' && /\.[jt]s$/.test(change.path)) created.add(change.path);
    notes.push(...plan.notes);
  }
  return { created: [...created], notes };
}

/** The app's own linter finds nothing in the created files and nothing new in the edited ones; no note about lint. */
export function expectLintClean(setup: Setup, dir: string, before: Record<string, string[]>, created: string[], notes: string[]): void {
  const after = setup.lint(dir, [...setup.edited, ...created]);
  for (const file of created) expect(after[file] ?? [], `lint problems in the new file ${file}`).toEqual([]);
  for (const file of setup.edited) expect(rules(after[file]), `lint problems in the edited ${file}`).toEqual(rules(before[file]));
  expect(notes.filter((n) => /lint problem|could not|failed|not installed/.test(n)), 'notes about lint').toEqual([]);
}
