// npm run bench [-- <repo>] [--area <name>] [--package <path>] [--runs N] [--jscodeshift]
// Wall time of detect + one area's dry run, next to a plain read of the same files (same listing, every
// source file read once), as a ratio. Without a repo it generates a ~15,000-file synthetic monorepo.
// --jscodeshift also times jscodeshift's own runner with the same transform over the same tree (dry).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openWorkspace, planArea, selectPackage } from '../src/areas/run.js';
import { AREAS, findArea } from '../src/areas/registry.js';
import { loadConfig } from '../src/config/load.js';
import { configFromDetection } from '../src/config/from-detection.js';
import { listFiles } from '../src/project/list-files.js';
import { isSourceFile } from '../src/project/project.js';
import { packageRoot, toolkitVersion } from '../src/package-root.js';
import { generateSyntheticRepo } from './synthetic-repo.js';

interface Args {
  repo: string | null;
  area: string;
  pkg: string | null;
  runs: number;
  jscodeshift: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { repo: null, area: AREAS.some((a) => a.name === 'usage-events') ? 'usage-events' : 'client-setup', pkg: null, runs: 3, jscodeshift: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--area') args.area = argv[++i];
    else if (a === '--package') args.pkg = argv[++i];
    else if (a === '--runs') args.runs = Number(argv[++i]);
    else if (a === '--jscodeshift') args.jscodeshift = true;
    else args.repo = resolve(a);
  }
  return args;
}

function plainRead(dir: string): number {
  let bytes = 0;
  for (const file of listFiles(dir).files) if (isSourceFile(file)) bytes += readFileSync(join(dir, file)).length;
  return bytes;
}

async function codemodRun(dir: string, areaName: string, pkgPath: string | null): Promise<{ changes: number; files: number }> {
  const ws = await openWorkspace(dir);
  const pkg = selectPackage(ws, pkgPath ?? undefined);
  const config = loadConfig(join(dir, pkg.info.path)) ?? configFromDetection(pkg.info);
  const area = findArea(areaName);
  if (!area) throw new Error(`unknown area ${areaName}`);
  const plan = await planArea(area, ws, pkg, config);
  return { changes: plan.changes.length, files: ws.project.sources.size };
}

async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let dir = args.repo;
  if (!dir) {
    dir = join(tmpdir(), `billing-codemod-bench-${toolkitVersion()}`);
    if (!existsSync(join(dir, '.git'))) {
      mkdirSync(dir, { recursive: true });
      const [ms, files] = await time(() => generateSyntheticRepo(dir as string));
      console.log(`generated ${files} files in ${dir} (${Math.round(ms)} ms)`);
    }
    args.pkg ??= 'apps/api';
  }
  // One untimed pass of each warms the OS file cache, so both sides read from memory.
  plainRead(dir);
  await codemodRun(dir, args.area, args.pkg);
  const reads: number[] = [];
  const runs: number[] = [];
  let result = { changes: 0, files: 0 };
  for (let i = 0; i < args.runs; i++) {
    reads.push((await time(() => plainRead(dir as string)))[0]);
    const [ms, r] = await time(() => codemodRun(dir as string, args.area, args.pkg));
    runs.push(ms);
    result = r;
  }
  const read = median(reads);
  const run = median(runs);
  console.log(`repo: ${dir}`);
  console.log(`source files read: ${result.files}; area: ${args.area}${args.pkg ? ` (package ${args.pkg})` : ''}; planned changes: ${result.changes}`);
  console.log(`plain read (list + read every source file): ${read.toFixed(0)} ms (median of ${args.runs})`);
  console.log(`detect + ${args.area} dry run:            ${run.toFixed(0)} ms (median of ${args.runs})`);
  console.log(`ratio: ${(run / read).toFixed(2)}x`);
  if (args.jscodeshift && args.area !== 'client-setup') {
    const ms = await jscodeshiftRun(dir, args.area);
    console.log(`jscodeshift's own runner, same transform, dry: ${ms.toFixed(0)} ms (${(ms / read).toFixed(2)}x the plain read)`);
  }
}

/** jscodeshift's CLI over the whole tree with the area's transform, as a user could run it instead. */
async function jscodeshiftRun(dir: string, area: string): Promise<number> {
  const bin = join(packageRoot(), 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');
  const transform = join(packageRoot(), 'dist', 'transforms', `${area}.js`);
  const args = [bin, '--no-babel', '--dry', '--silent', '--parser=tsx', '--extensions=ts,tsx,js', '--ignore-pattern=**/node_modules/**', '-t', transform, '.'];
  const [ms] = await time(() => promisify(execFile)(process.execPath, args, { cwd: dir, maxBuffer: 64 * 1024 * 1024 }));
  return ms;
}

await main();
