// The fixture helper every area's suite uses. It discovers __testfixtures__/<area>/:
//   <case>.input.<ext> + <case>.output.<ext> [+ <case>.options.json]   one file in a scaffolded app
//   <case>/input/ + <case>/output/ [+ <case>/options.json]             a whole app
// and for each case runs the real pipeline (detect → config → plan), asserts the result equals the expected
// output, that every changed source file parses, and that planning again on the output changes nothing.
// `defaults.json` beside the cases scaffolds single-file cases: { package, config, files, path }.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { diffLines } from 'diff';
import { describe, expect, it } from 'vitest';
import { configOf, openWorkspace, planArea, selectPackage } from '../../src/areas/run.js';
import { findArea } from '../../src/areas/registry.js';
import { writeChanges } from '../../src/apply/write.js';
import { loadConfig } from '../../src/config/load.js';
import { generateBillingModule } from '../../src/providers/generate.js';
import { parseSource } from '../../src/ast/parse.js';
import { isSourceFile } from '../../src/project/project.js';
import { typeProgramBuilds } from '../../src/analysis/program.js';
import type { Plan } from '../../src/plan/types.js';

export const FIXTURES_ROOT = join(import.meta.dirname, '..', '..', '__testfixtures__');

interface Expectations {
  /** Substrings that must each appear in some skipped reason (or a count of skipped sites). */
  skipped?: string[] | number;
  /** Substrings that must each appear in some manual step (or a count of manual steps). */
  manual?: string[] | number;
  notes?: string[];
  /** Other files the plan may change besides the case file (single-file cases). */
  alsoChanges?: string[];
  /** Every line of the input is in the output byte for byte: the edit only adds lines (single-file cases). */
  keepsEveryLine?: boolean;
  /** The packages the plan says the app must install, exactly (by name). */
  dependencies?: string[];
  /** The routes the plan says it added (billing-portal, balance-display), exactly. */
  routes?: Array<{ method: string; path: string; purpose: string }>;
  /** How many files the plan's type-check compared (its verification line), exactly; 0: no verification line. */
  verifiedFiles?: number;
  /** How many TypeScript programs the plan built, the analysis's and the verification's together, exactly. */
  typePrograms?: number;
}

export interface CaseOptions {
  /** Where the input file sits in the scaffolded app (single-file cases); `{case}` and `{ext}` are replaced. */
  path?: string;
  package?: Record<string, unknown>;
  config?: Record<string, unknown>;
  files?: Record<string, unknown>;
  /** Which app package to plan for, in a monorepo case. */
  packagePath?: string;
  expect?: Expectations;
}

export interface FixtureCase {
  name: string;
  kind: 'single' | 'multi';
  dir: string;
  ext?: string;
}

export function discoverCases(area: string): FixtureCase[] {
  const dir = join(FIXTURES_ROOT, area);
  if (!existsSync(dir)) return [];
  const cases: FixtureCase[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const single = /^(.+)\.input\.([a-z]+)$/.exec(entry.name);
    if (entry.isFile() && single) cases.push({ name: single[1], kind: 'single', dir, ext: single[2] });
    else if (entry.isDirectory() && existsSync(join(dir, entry.name, 'input'))) cases.push({ name: entry.name, kind: 'multi', dir: join(dir, entry.name) });
  }
  return cases.sort((a, b) => a.name.localeCompare(b.name));
}

/** Defines one vitest case per fixture of the area. */
export function fixtureSuite(area: string): void {
  const cases = discoverCases(area);
  describe(`${area} fixtures`, () => {
    it('has fixtures', () => expect(cases.length).toBeGreaterThan(0));
    for (const c of cases) it(c.name, () => runCase(area, c), 60_000);
  });
}

export async function runCase(area: string, c: FixtureCase): Promise<Plan> {
  const tmp = mkdtempSync(join(tmpdir(), `fixture-${area}-`));
  try {
    const { options, focus } = c.kind === 'single' ? scaffoldSingle(area, c, tmp) : scaffoldMulti(c, tmp);
    const standIns = replaceStandIns(tmp, options.packagePath ?? '.');
    const programsBefore = typeProgramBuilds();
    const plan = await planIn(area, tmp, options.packagePath);
    checkExpectations(plan, options.expect ?? {});
    if (options.expect?.typePrograms !== undefined) expect(typeProgramBuilds() - programsBefore, 'type programs built').toBe(options.expect.typePrograms);
    if (c.kind === 'single') {
      const allowed = new Set([focus as string, ...(options.expect?.alsoChanges ?? [])]);
      expect(plan.changes.map((ch) => ch.path).filter((p) => !allowed.has(p)), 'changes outside the case file').toEqual([]);
    }
    writeChanges(tmp, plan.changes);
    for (const change of plan.changes) {
      if (isSourceFile(change.path)) expect(() => parseSource(change.path, change.after), `${change.path} parses`).not.toThrow();
    }
    if (process.env.UPDATE_FIXTURES === c.name) {
      // Rewrites this case's expected output from the run (review it with git diff before committing).
      if (c.kind === 'single') writeFileSync(join(c.dir, `${c.name}.output.${c.ext}`), readFileSync(join(tmp, focus as string), 'utf8'));
      else for (const change of plan.changes) write(join(c.dir, 'output', change.path), change.after);
    }
    if (c.kind === 'single' && options.expect?.keepsEveryLine) {
      const removed = diffLines(readFileSync(join(c.dir, `${c.name}.input.${c.ext}`), 'utf8'), readFileSync(join(tmp, focus as string), 'utf8')).filter((part) => part.removed);
      expect(removed.map((part) => part.value), 'input lines the edit changed').toEqual([]);
    }
    if (c.kind === 'single') {
      const expected = readFileSync(join(c.dir, `${c.name}.output.${c.ext}`), 'utf8');
      expect(readFileSync(join(tmp, focus as string), 'utf8')).toBe(expected);
    } else {
      compareTrees(join(c.dir, 'output'), tmp, standIns);
    }
    const again = await planIn(area, tmp, options.packagePath);
    expect(again.changes.map((ch) => ch.path), 'a second run changes nothing').toEqual([]);
    expect(again.verification, 'a second run has no edit to type-check, and says no verification').toBeUndefined();
    return plan;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function planIn(area: string, dir: string, packagePath?: string): Promise<Plan> {
  const found = await findArea(area);
  if (!found) throw new Error(`area ${area} is not registered`);
  const ws = await openWorkspace(dir);
  const pkg = selectPackage(ws, packagePath);
  return planArea(found, ws, pkg, configOf(ws, pkg));
}

function checkExpectations(plan: Plan, e: Expectations): void {
  const has = (list: string[], needle: string) => list.some((s) => s.includes(needle));
  if (typeof e.skipped === 'number') expect(plan.skipped.length, `skipped sites: ${JSON.stringify(plan.skipped)}`).toBe(e.skipped);
  else for (const s of e.skipped ?? []) expect(has(plan.skipped.map((x) => x.reason), s), `a skipped site mentions "${s}": ${JSON.stringify(plan.skipped)}`).toBe(true);
  if (typeof e.manual === 'number') expect(plan.manual.length, `manual steps: ${JSON.stringify(plan.manual)}`).toBe(e.manual);
  else for (const m of e.manual ?? []) expect(has(plan.manual.map((x) => x.message), m), `a manual step mentions "${m}": ${JSON.stringify(plan.manual)}`).toBe(true);
  for (const n of e.notes ?? []) expect(has(plan.notes, n), `a note mentions "${n}": ${JSON.stringify(plan.notes)}`).toBe(true);
  if (e.routes) expect(plan.routes ?? [], 'the routes the plan added').toEqual(e.routes);
  if (e.dependencies) expect(plan.dependencies.map((d) => d.name), 'the dependencies the plan adds').toEqual(e.dependencies);
  if (e.verifiedFiles !== undefined) expect(plan.verification?.files ?? 0, `files type-checked: ${JSON.stringify(plan.verification)}`).toBe(e.verifiedFiles);
}

function readJson<T>(path: string): T | null {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null;
}

function scaffoldSingle(area: string, c: FixtureCase, tmp: string): { options: CaseOptions; focus: string } {
  const defaults = readJson<CaseOptions>(join(FIXTURES_ROOT, area, 'defaults.json')) ?? {};
  const own = readJson<CaseOptions>(join(c.dir, `${c.name}.options.json`)) ?? {};
  const options = deepMerge(defaults, own) as CaseOptions;
  const focus = (options.path ?? 'src/{case}.{ext}').replace('{case}', c.name).replace('{ext}', c.ext as string);
  const files: Record<string, unknown> = {
    'package.json': options.package ?? { name: 'fixture-app', dependencies: {} },
    'billing.config.json': options.config ?? {},
    ...options.files,
  };
  for (const [path, content] of Object.entries(files)) write(join(tmp, path), typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  write(join(tmp, focus), readFileSync(join(c.dir, `${c.name}.input.${c.ext}`), 'utf8'));
  return { options, focus };
}

function scaffoldMulti(c: FixtureCase, tmp: string): { options: CaseOptions; focus: null } {
  cpSync(join(c.dir, 'input'), tmp, { recursive: true });
  return { options: readJson<CaseOptions>(join(c.dir, 'options.json')) ?? {}, focus: null };
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function listTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === '.git') continue;
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(dir, join(d, e.name)).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The result tree must hold exactly the expected files, with exactly the expected text (a stand-in: what replaced it). */
function compareTrees(expectedDir: string, actualDir: string, standIns: Map<string, string>): void {
  expect(listTree(actualDir), 'files after the run').toEqual(listTree(expectedDir));
  for (const file of listTree(expectedDir)) {
    const expected = standIns.get(file) ?? readFileSync(join(expectedDir, file), 'utf8');
    expect(readFileSync(join(actualDir, file), 'utf8'), file).toBe(expected);
  }
}

const STAND_IN = '// Generated by billing-codemod (fixture stand-in';

/**
 * A case's billing module is written as a one-line stand-in (`export const billing = {};`) to keep cases
 * short; the run sees the real generated module in its place, so verification type-checks calls against the
 * module's real API. Returns the replaced files and their new text.
 */
function replaceStandIns(tmp: string, pkgPath: string): Map<string, string> {
  const replaced = new Map<string, string>();
  const config = loadConfig(join(tmp, pkgPath));
  for (const file of listTree(tmp)) {
    const text = readFileSync(join(tmp, file), 'utf8');
    if (!text.startsWith(STAND_IN) || !config) continue;
    const language = /\.[cm]?ts$/.test(file) ? 'ts' : 'js';
    const module = language === 'js' && /module\.exports|require\(/.test(text) ? 'cjs' : 'esm';
    const generated = generateBillingModule({ language, module, serverOnly: null, config });
    writeFileSync(join(tmp, file), generated);
    replaced.set(file, generated);
  }
  return replaced;
}

export function deepMerge(a: unknown, b: unknown): unknown {
  if (isObject(a) && isObject(b)) {
    const out: Record<string, unknown> = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = k in a ? deepMerge(a[k], v) : v;
    return out;
  }
  return b === undefined ? a : b;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
