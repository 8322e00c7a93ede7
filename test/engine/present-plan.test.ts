// presentAndWrite with hand-made plans in real git repositories: dirty trees refused, --dry-run and
// non-terminal runs write nothing, --json prints the plan, exit codes follow what is left to do.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { presentAndWrite, type WriteFlags } from '../../src/commands/present-plan.js';
import { EXIT } from '../../src/commands/exit.js';
import { unifiedDiff } from '../../src/plan/render.js';
import { emptyPlan, type Plan } from '../../src/plan/types.js';
import { gitRepo } from './git-repo.js';

let dir: string;
let stdout: string;
let stderr: string;

beforeAll(() => {
  // Like CI: no terminal to confirm in.
  Object.defineProperty(process.stdin, 'isTTY', { value: false, configurable: true });
  Object.defineProperty(process.stdout, 'isTTY', { value: false, configurable: true });
});

beforeEach(() => {
  dir = gitRepo({ 'src/app.ts': 'app\n', 'package.json': '{}\n' });
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

function plan(manual = false): Plan {
  const p = emptyPlan('client-setup', '.');
  p.changes.push(
    { path: 'src/app.ts', action: 'modify', before: 'app\n', after: 'app\nbilling\n' },
    { path: 'src/lib/billing.ts', action: 'create', before: null, after: 'export {};\n' },
  );
  if (manual) p.manual.push({ path: 'src/app.ts', line: 1, message: 'wire the portal link yourself' });
  return p;
}

const run = (p: Plan, flags: WriteFlags) => presentAndWrite(p, dir, flags);
const written = () => readFileSync(join(dir, 'src/app.ts'), 'utf8') === 'app\nbilling\n' && existsSync(join(dir, 'src/lib/billing.ts'));
const untouched = () => readFileSync(join(dir, 'src/app.ts'), 'utf8') === 'app\n' && !existsSync(join(dir, 'src/lib/billing.ts'));

describe('presentAndWrite', () => {
  it('writes with --yes in a clean tree, showing the diff and the summary', async () => {
    expect(await run(plan(), { yes: true })).toBe(EXIT.ok);
    expect(written()).toBe(true);
    expect(stdout).toContain('+++ b/src/lib/billing.ts');
    expect(stdout).toContain('client-setup: 1 file(s) to create, 1 to modify');
    expect(stdout).toContain('Wrote 2 file(s).');
    expect(stderr).toBe('');
  });

  it('refuses a dirty tree with exit 1, listing the files, and writes nothing', async () => {
    writeFileSync(join(dir, 'package.json'), '{ "edited": true }\n');
    writeFileSync(join(dir, 'notes.txt'), 'wip\n');
    expect(await run(plan(), { yes: true })).toBe(EXIT.failure);
    expect(untouched()).toBe(true);
    expect(stderr).toContain('uncommitted changes');
    expect(stderr).toContain('  notes.txt\n');
    expect(stderr).toContain('  package.json\n');
  });

  it('does not count billing.config.json as dirty', async () => {
    writeFileSync(join(dir, 'billing.config.json'), '{}\n');
    expect(await run(plan(), { yes: true })).toBe(EXIT.ok);
    expect(written()).toBe(true);
  });

  it("counts any other file named like it as dirty: another package's config, old-billing.config.json", async () => {
    mkdirSync(join(dir, 'apps/web'), { recursive: true });
    writeFileSync(join(dir, 'apps/web/billing.config.json'), '{}\n');
    writeFileSync(join(dir, 'old-billing.config.json'), '{}\n');
    expect(await run(plan(), { yes: true })).toBe(EXIT.failure);
    expect(untouched()).toBe(true);
    expect(stderr).toContain('  old-billing.config.json\n');
    expect(stderr).toContain('  apps/');
  });

  it('prints the plan JSON with the error when the write itself fails (--json --yes)', async () => {
    // The target turned into a folder after planning.
    rmSync(join(dir, 'src/app.ts'));
    mkdirSync(join(dir, 'src/app.ts'));
    execFileSync('git', ['add', '-A'], { cwd: dir });
    execFileSync('git', ['commit', '-qm', 'folder', '--no-verify'], { cwd: dir });
    expect(await run(plan(), { yes: true, json: true })).toBe(EXIT.failure);
    expect(JSON.parse(stdout)).toMatchObject({ area: 'client-setup', written: false, error: 'src/app.ts is a directory now, not a file: nothing was written' });
    expect(stderr).toContain('src/app.ts is a directory now');
  });

  it('writes into a dirty tree with --allow-dirty', async () => {
    writeFileSync(join(dir, 'notes.txt'), 'wip\n');
    expect(await run(plan(), { yes: true, allowDirty: true })).toBe(EXIT.ok);
    expect(written()).toBe(true);
  });

  it('writes nothing on --dry-run, and says so', async () => {
    expect(await run(plan(), { yes: true, dryRun: true })).toBe(EXIT.ok);
    expect(untouched()).toBe(true);
    expect(stdout).toContain('Dry run: nothing written.');
  });

  it('writes nothing without --yes when there is no terminal, and says to re-run with --yes', async () => {
    expect(await run(plan(), {})).toBe(EXIT.ok);
    expect(untouched()).toBe(true);
    expect(stdout).toContain('Re-run with --yes');
  });

  it('prints the plan as JSON with --json, written only with --yes', async () => {
    expect(await run(plan(), { json: true })).toBe(EXIT.ok);
    expect(untouched()).toBe(true);
    const shown = JSON.parse(stdout);
    expect(shown).toEqual({
      area: 'client-setup',
      package: '.',
      changes: plan().changes.map((c) => ({ path: c.path, action: c.action, diff: unifiedDiff(c) })),
      skipped: [],
      manual: [],
      env: [],
      dependencies: [],
      notes: [],
      written: false,
    });

    stdout = '';
    expect(await run(plan(), { json: true, yes: true })).toBe(EXIT.ok);
    expect(JSON.parse(stdout).written).toBe(true);
    expect(written()).toBe(true);
  });

  it('reports a dirty tree in --json output too, with exit 1', async () => {
    writeFileSync(join(dir, 'notes.txt'), 'wip\n');
    expect(await run(plan(), { json: true, yes: true })).toBe(EXIT.failure);
    expect(JSON.parse(stdout)).toMatchObject({ written: false, error: 'dirty git tree', dirty: ['notes.txt'] });
    expect(untouched()).toBe(true);
  });

  it('exits 3 when the plan leaves manual steps', async () => {
    expect(await run(plan(true), { yes: true })).toBe(EXIT.manual);
    expect(written()).toBe(true);
    expect(stdout).toContain('manual steps (1):');
  });

  it('does nothing, successfully, for a plan with no changes (a second run), even in a dirty tree', async () => {
    writeFileSync(join(dir, 'notes.txt'), 'wip\n');
    expect(await run(emptyPlan('client-setup', '.'), { yes: true })).toBe(EXIT.ok);
    expect(stdout).toBe('client-setup: nothing to change\n');
    expect(stderr).toBe('');
  });

  it('warns outside git, then writes with --yes', async () => {
    rmSync(join(dir, '.git'), { recursive: true, force: true });
    expect(await run(plan(), { yes: true })).toBe(EXIT.ok);
    expect(stderr).toContain('not a git repository');
    expect(written()).toBe(true);
  });

  it('exits 1 with the reason and writes nothing when a file changed after planning', async () => {
    writeFileSync(join(dir, 'src/app.ts'), 'edited meanwhile\n');
    expect(await run(plan(), { yes: true, allowDirty: true })).toBe(EXIT.failure);
    expect(stderr).toContain('src/app.ts changed since the plan was made; run again');
    expect(existsSync(join(dir, 'src/lib/billing.ts'))).toBe(false);
  });
});
