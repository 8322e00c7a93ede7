// npm run bench [-- --repo PATH] [--area <name>] [--package <path>] [--runs N] [--jscodeshift]
// Each run is a fresh process, as a user's command is: `read` lists and reads every source file (what any
// tool has to do), `detect` is billing-codemod detect, `plan` is detect plus one area's dry run. Prints wall
// time, CPU time and peak memory of each (medians of N runs), the ratio to the plain read, and the dry run's
// own time per step (list, read, parse, detect, types, plan, verify, format). Without --repo it generates a
// ~15,000-file synthetic monorepo (for CI); bench/README.md names the real repositories it is tuned on.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AREAS } from '../src/areas/registry.js';
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
    else if (a === '--repo') args.repo = resolve(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (a.startsWith('-')) usageError(`unknown option ${a}`);
    else args.repo = resolve(a);
  }
  if (!AREAS.some((x) => x.name === args.area)) usageError(`unknown area ${args.area} (areas: ${AREAS.map((x) => x.name).join(', ')})`);
  if (!Number.isInteger(args.runs) || args.runs < 1) usageError('--runs takes a whole number of runs, 1 or more');
  return args;
}

const USAGE = 'usage: npm run bench [-- [--repo] PATH] [--package P] [--area A] [--runs N] [--jscodeshift]\n' +
  'Without a repository it generates a synthetic ~15,000-file monorepo. bench/README.md explains each figure.';

function usageError(message: string): never {
  console.error(`bench: ${message}\n${USAGE}`);
  process.exit(2);
}

interface RunResult {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  steps: Record<string, { wallMs: number; cpuMs: number; calls: number }>;
  files: number;
  changes: number;
  /** Files the type-check of the edits compared (the edited files, and importers when exports change). */
  verified: number | null;
  /** How the plain read listed the files: git's index, or the .gitignore walk of a folder outside git. */
  listedBy: 'git' | 'walk' | null;
}

/** One fresh-process run of bench/run-once.js, from the bundle. */
async function runOnce(mode: 'read' | 'detect' | 'plan', dir: string, area: string, pkg: string | null): Promise<RunResult> {
  // The bundle the CLI runs from (scripts/bundle.mjs): what a user's command loads, not tsc's module tree.
  const script = join(packageRoot(), 'dist', 'cli', 'run-once.js');
  const { stdout } = await promisify(execFile)(process.execPath, [script, mode, dir, area, pkg ?? ''], { maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as RunResult;
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
  // One untimed pass warms the OS file cache, so every run reads from memory.
  await runOnce('plan', dir, args.area, args.pkg);
  const results: Record<'read' | 'detect' | 'plan', RunResult[]> = { read: [], detect: [], plan: [] };
  for (let i = 0; i < args.runs; i++) for (const mode of ['read', 'detect', 'plan'] as const) results[mode].push(await runOnce(mode, dir, args.area, args.pkg));
  const mid = (mode: keyof typeof results) => {
    const runs = results[mode];
    const pick = (f: (r: RunResult) => number) => median(runs.map(f));
    return { wallMs: pick((r) => r.wallMs), cpuMs: pick((r) => r.cpuMs), maxRssMb: pick((r) => r.maxRssMb) };
  };
  const read = mid('read');
  const last = results.plan[results.plan.length - 1]!;
  console.log(`repo: ${dir}`);
  console.log(`source files: ${last.files}; area: ${args.area}${args.pkg ? ` (package ${args.pkg})` : ''}; planned changes: ${last.changes}; medians of ${args.runs} fresh-process runs`);
  // A user's clone lists through git's index; a bare snapshot is walked, which costs both sides the same
  // time and so flatters every ratio.
  const listedBy = results.read[0]?.listedBy;
  console.log(listedBy === 'git' ? "listing: git's index (a checkout, as a user's clone is)" : 'listing: a walk honouring .gitignore files (not a git checkout: a clone lists faster, so ratios here are lower than a user sees)');
  console.log(`${''.padEnd(26)}${'wall ms'.padStart(9)}${'cpu ms'.padStart(9)}${'peak MiB'.padStart(10)}${'x read'.padStart(8)}`);
  for (const [label, mode] of [['plain read', 'read'], ['detect', 'detect'], [`${args.area} --dry-run`, 'plan']] as const) {
    const m = mid(mode);
    console.log(`${label.padEnd(26)}${String(m.wallMs).padStart(9)}${String(m.cpuMs).padStart(9)}${String(m.maxRssMb).padStart(10)}${(m.wallMs / read.wallMs).toFixed(2).padStart(8)}`);
  }
  console.log('the dry run, own time per step (ms wall / cpu; prefilters are part of detect):');
  const steps = Object.entries(last.steps).sort((x, y) => y[1].wallMs - x[1].wallMs);
  for (const [name, t] of steps) {
    const checked = name === 'verify' && last.verified !== null ? `, ${last.verified} file${last.verified === 1 ? '' : 's'} checked` : '';
    console.log(`  ${name.padEnd(8)}${String(t.wallMs).padStart(7)} / ${String(t.cpuMs).padEnd(7)} (${t.calls} call${t.calls === 1 ? '' : 's'}${checked})`);
  }
  const accounted = steps.reduce((sum, [, t]) => sum + t.wallMs, 0);
  console.log(`  ${'other'.padEnd(8)}${String(last.wallMs - accounted).padStart(7)}   (start-up: loading the tool's modules, and what no step covers)`);
  if (args.jscodeshift && args.area !== 'client-setup') {
    const ms = await jscodeshiftRun(dir, args.area);
    console.log(`jscodeshift's own runner, same transform, dry: ${ms.toFixed(0)} ms (${(ms / read.wallMs).toFixed(2)}x the plain read)`);
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
