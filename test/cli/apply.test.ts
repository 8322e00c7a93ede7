// The apply command end to end through the built CLI, on a small app in a real git repository:
// exit codes, the dirty-tree refusal, --json, non-interactive runs, and the second run that does nothing.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT as ROOT, runCli } from '../helpers/cli.js';

const APP = join(ROOT, '__testfixtures__', 'client-setup', 'ts-esm-src-alias', 'input');

let dir: string;

const cli = (...args: string[]) => runCli(args, { cwd: dir });

function git(...args: string[]) {
  const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-apply-'));
  cpSync(APP, dir, { recursive: true });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'app');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('billing-codemod apply', () => {
  it('writes with --yes, then a second run changes nothing', async () => {
    const first = await cli('apply', 'client-setup', '.', '--yes');
    expect(first.code, first.stderr).toBe(0);
    expect(existsSync(join(dir, 'src/lib/billing.ts'))).toBe(true);
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'billing');
    const second = await cli('apply', 'client-setup', '.', '--yes');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('nothing to change');
    expect(git('status', '--porcelain')).toBe('');
  });

  it('refuses a dirty tree, listing the files, and writes nothing', async () => {
    writeFileSync(join(dir, 'src/server.ts'), '// work in progress\n', { flag: 'a' });
    const r = await cli('apply', 'client-setup', '.', '--yes');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('uncommitted changes');
    expect(r.stderr).toContain('src/server.ts');
    expect(existsSync(join(dir, 'src/lib/billing.ts'))).toBe(false);
    expect((await cli('apply', 'client-setup', '.', '--yes', '--allow-dirty')).code).toBe(0);
  });

  it('prints the plan as JSON and writes nothing without --yes', async () => {
    const r = await cli('apply', 'client-setup', '.', '--json');
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.area).toBe('client-setup');
    expect(plan.written).toBe(false);
    expect(plan.changes.map((c: { path: string; action: string }) => `${c.action} ${c.path}`)).toEqual([
      'create src/lib/billing.ts',
      'modify .env.example',
      'modify .gitignore',
      'modify billing.config.json',
    ]);
    expect(plan.changes[1].diff).toContain('+CREDYT_API_KEY=');
    expect(plan).toHaveProperty('skipped');
    expect(plan).toHaveProperty('manual');
    expect(existsSync(join(dir, 'src/lib/billing.ts'))).toBe(false);
  });

  it('without a terminal and without --yes, shows the diff and says how to write', async () => {
    const r = await cli('apply', 'client-setup', '.');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+++ b/src/lib/billing.ts');
    expect(r.stdout).toContain('Re-run with --yes');
    expect(existsSync(join(dir, 'src/lib/billing.ts'))).toBe(false);
  });

  it('--dry-run never writes', async () => {
    const r = await cli('apply', 'client-setup', '.', '--dry-run', '--yes');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Dry run');
    expect(existsSync(join(dir, 'src/lib/billing.ts'))).toBe(false);
  });

  it('exits 3 when a manual step is left', async () => {
    writeFileSync(join(dir, 'src/lib-plans.ts'), '');
    cpSync(join(ROOT, '__testfixtures__', 'client-setup', 'module-path-taken', 'input', 'src', 'lib'), join(dir, 'src', 'lib'), { recursive: true });
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'plans');
    const r = await cli('apply', 'client-setup', '.', '--yes');
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('paths.billingModule');
    expect(readFileSync(join(dir, 'src/lib/billing.ts'), 'utf8')).toContain('export const plans');
  });

  it('exits 2 on a bad config, naming the field, and without a config', async () => {
    const config = JSON.parse(readFileSync(join(dir, 'billing.config.json'), 'utf8'));
    config.events[0].estimate = 'cheap';
    writeFileSync(join(dir, 'billing.config.json'), JSON.stringify(config));
    const bad = await cli('apply', 'client-setup', '.', '--yes');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('events[0].estimate must be a number');
    rmSync(join(dir, 'billing.config.json'));
    const none = await cli('apply', 'client-setup', '.', '--yes');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('billing-codemod init');
  });

  it('exits 2 on a folder that does not exist', async () => {
    const r = await cli('apply', 'client-setup', join(dir, 'nope'), '--yes');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a folder');
  });

  it('exits 2 on an unknown area', async () => {
    const r = await cli('apply', 'billing-magic', '.');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown area');
  });
});

describe('client-setup and env files git tracks', () => {
  it('says that ignoring a tracked .env does nothing, with the git rm --cached step, and exits 3', async () => {
    // Committed before the app ignored it: the rule in .gitignore no longer protects it.
    writeFileSync(join(dir, '.env'), 'CREDYT_API_KEY=key_live_oops\n');
    git('add', '-f', '.env');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'env');
    const result = await cli('apply', 'client-setup', '.', '--dry-run', '--json');
    expect(result.code).toBe(3);
    const plan = JSON.parse(result.stdout);
    expect(plan.manual).toContainEqual(expect.objectContaining({ path: '.env', snippet: 'git rm --cached .env' }));
  });
});
