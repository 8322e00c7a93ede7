// requireCached: a CommonJS file run as Node would run it (its own require, __filename, __dirname), with V8's
// code cache written on the first load and used, or replaced when V8 refuses it, on the next.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { requireCached } from '../../src/analysis/code-cache.js';

/** The built module (`npm test` builds first), for the loads that need a process of their own. */
const BUILT = pathToFileURL(join(import.meta.dirname, '..', '..', 'dist', 'src', 'analysis', 'code-cache.js')).href;

let dir: string;
let savedTmp: string | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'code-cache-'));
  savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = join(dir, 'tmp');
});
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  rmSync(dir, { recursive: true, force: true });
});

const cacheFiles = () => {
  const [user] = readdirSync(join(dir, 'tmp'));
  return readdirSync(join(dir, 'tmp', user!, 'code-cache')).map((f) => join(dir, 'tmp', user!, 'code-cache', f));
};

it('runs the file with its own module variables, and keeps a code cache for the next run', () => {
  const file = join(dir, 'lib.cjs');
  writeFileSync(file, "const { basename } = require('node:path');\nmodule.exports = { name: basename(__filename), dir: __dirname, twice: (n) => n * 2 };\n");
  const first = requireCached(file) as { name: string; dir: string; twice(n: number): number };
  expect([first.name, first.dir, first.twice(21)]).toEqual(['lib.cjs', dir, 42]);
  const [cache] = cacheFiles();
  expect(readFileSync(cache!).length).toBeGreaterThan(0);
  const again = requireCached(file) as { twice(n: number): number };
  expect(again.twice(2)).toBe(4);
  expect(cacheFiles()).toEqual([cache]);
});

it("is the process's one instance of the file: a later require of it (jscodeshift's of the Babel parser) gets the same module", () => {
  const file = join(dir, 'lib.cjs');
  writeFileSync(file, 'globalThis.__codeCacheRuns = (globalThis.__codeCacheRuns ?? 0) + 1;\nexports.made = {};\n');
  const loaded = requireCached(file) as { made: object };
  expect(createRequire(file)(file)).toBe(loaded);
  expect(requireCached(file)).toBe(loaded);
  expect((globalThis as { __codeCacheRuns?: number }).__codeCacheRuns).toBe(1);
});

it('leaves no module behind for a file that throws while it loads: the next load runs it again', () => {
  const file = join(dir, 'lib.cjs');
  writeFileSync(file, "throw new Error('not yet');\n");
  expect(() => requireCached(file)).toThrow('not yet');
  writeFileSync(file, 'exports.answer = 42;\n');
  expect((requireCached(file) as { answer: number }).answer).toBe(42);
});

it('loads the file from source when the cache is damaged, and writes a good one', () => {
  const file = join(dir, 'lib.cjs');
  writeFileSync(file, 'exports.answer = 42;\n');
  // Each load in a fresh process, as each run of the CLI is: one process compiles a source once and keeps it.
  const load = () => execFileSync(process.execPath, ['--input-type=module', '-e', `const { requireCached } = await import(${JSON.stringify(BUILT)}); console.log(requireCached(${JSON.stringify(file)}).answer);`], { env: { ...process.env, TMPDIR: join(dir, 'tmp') }, encoding: 'utf8' }).trim();
  expect(load()).toBe('42');
  const [cache] = cacheFiles();
  writeFileSync(cache!, Buffer.from('not a code cache'));
  expect(load()).toBe('42');
  expect(readFileSync(cache!).toString()).not.toBe('not a code cache');
});

it('loads the file when the cache folder cannot be written', () => {
  const file = join(dir, 'lib.cjs');
  writeFileSync(file, 'exports.answer = 42;\n');
  writeFileSync(join(dir, 'tmp'), 'a file where the folder would go');
  expect((requireCached(file) as { answer: number }).answer).toBe(42);
});

it('with afterUse, writes the cache as the process exits, holding the functions the run compiled', () => {
  // A function compiled only when called: its bytecode is in the cache only if the cache is made after the call.
  const body = Array.from({ length: 200 }, (_, i) => `  total += (n * ${i}) % 7;`).join('\n');
  const file = join(dir, 'lib.cjs');
  writeFileSync(file, `exports.work = function (n) {\n  let total = 0;\n${body}\n  return total;\n};\n`);
  const sizeAfter = (afterUse: boolean) => {
    rmSync(join(dir, 'tmp'), { recursive: true, force: true });
    const run = `const { requireCached } = await import(${JSON.stringify(BUILT)}); console.log(requireCached(${JSON.stringify(file)}, { afterUse: ${afterUse} }).work(3));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', run], { env: { ...process.env, TMPDIR: join(dir, 'tmp') }, encoding: 'utf8' }).trim();
    expect(Number(out)).toBeGreaterThan(0);
    return readFileSync(cacheFiles()[0]!).length;
  };
  expect(sizeAfter(true)).toBeGreaterThan(sizeAfter(false) + 500);
});

it('runs train just before it writes the cache, so the cache holds what it compiled whatever the run did; not when the cache is used', () => {
  const body = Array.from({ length: 200 }, (_, i) => `  total += (n * ${i}) % 7;`).join('\n');
  const file = join(dir, 'lib.cjs');
  writeFileSync(file, `exports.work = function (n) {\n  let total = 0;\n${body}\n  return total;\n};\nexports.trained = 0;\n`);
  const run = (train: boolean) => {
    const options = train ? '{ afterUse: true, train: (lib) => { lib.trained += 1; lib.work(1); } }' : '{ afterUse: true }';
    const code = `const { requireCached } = await import(${JSON.stringify(BUILT)}); const lib = requireCached(${JSON.stringify(file)}, ${options}); process.on('exit', () => console.log(lib.trained));`;
    return execFileSync(process.execPath, ['--input-type=module', '-e', code], { env: { ...process.env, TMPDIR: join(dir, 'tmp') }, encoding: 'utf8' }).trim();
  };
  // No call of work() in the run itself: only the training compiles it.
  expect(run(false)).toBe('0');
  const untrained = readFileSync(cacheFiles()[0]!).length;
  rmSync(join(dir, 'tmp'), { recursive: true, force: true });
  expect(run(true)).toBe('1');
  expect(readFileSync(cacheFiles()[0]!).length).toBeGreaterThan(untrained + 500);
  // The cache is there and taken: nothing is trained or written again.
  expect(run(true)).toBe('0');
});

it("trains Babel's cache on code every dialect parses", async () => {
  const { TRAINING_CODE, babelOptions, babelParse } = await import('../../src/ast/parse.js');
  for (const dialect of ['ts', 'tsx', 'js'] as const) expect(() => babelParse(TRAINING_CODE[dialect], babelOptions(dialect)), dialect).not.toThrow();
});
