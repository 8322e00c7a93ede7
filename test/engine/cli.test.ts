// Exit codes end to end through the built CLI (dist/src/cli.js), in a non-terminal like CI:
// 0 success or nothing to do, 1 failure, 2 bad usage or config, 3 done with manual steps left.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { git, gitRepo } from './git-repo.js';

const PROJECTS = join(import.meta.dirname, '..', 'fixtures', 'projects');
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A fixture project copied into a fresh git repository, committed (a clean tree). */
function fixtureRepo(name: string): string {
  const dir = gitRepo({});
  temps.push(dir);
  cpSync(join(PROJECTS, name), dir, { recursive: true, filter: (src) => basename(src) !== 'expected.json' });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'app', '--no-gpg-sign');
  return dir;
}

describe('CLI exit codes', () => {
  it('detect works with a broken billing.config.json, warning about it (exit 0)', async () => {
    const dir = fixtureRepo('no-framework');
    writeFileSync(join(dir, 'billing.config.json'), JSON.stringify({ provider: 'credyt', asset: 'USD', products: [{ code: 'p' }], events: [{ type: 'x', calls: ['a'], estimate: 'high' }] }));
    const result = await runCli(['detect', dir, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).packages[0].billableCalls).toHaveLength(1);
    expect(result.stderr).toContain('billing.config.json: events[0].estimate must be a number');
  });

  it('detect reports a file that does not parse, with the parser message, and detects the rest (exit 0)', async () => {
    const result = await runCli(['detect', fixtureRepo('express-js-cjs')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('files that do not parse (1), skipped:\n    routes/legacy.js: line 7: Unexpected token, expected ","');
    expect(result.stdout).toContain('signup handlers (2):');
    expect(result.stdout).toContain('billable calls (2):');
  });

  it('detect on a folder that does not exist is bad usage (exit 2)', async () => {
    const result = await runCli(['detect', join(tmpdir(), 'billing-codemod-no-such-folder')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not a folder');
  });

  it('init without --yes and without a terminal exits 2 and says how to write', async () => {
    const dir = fixtureRepo('express-ts-esm');
    const result = await runCli(['init', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('pass --yes');
    expect(existsSync(join(dir, 'billing.config.json'))).toBe(false);
  });

  it('init --yes writes the config (exit 0), and a second init --yes exits 2 without touching it', async () => {
    const dir = fixtureRepo('express-ts-esm');
    const first = await runCli(['init', dir, '--yes']);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    const written = readFileSync(join(dir, 'billing.config.json'), 'utf8');
    expect(JSON.parse(written).events.map((e: { type: string }) => e.type)).toEqual(['chat_completion', 'image_generation']);

    const second = await runCli(['init', dir, '--yes']);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('billing.config.json already exists');
    expect(readFileSync(join(dir, 'billing.config.json'), 'utf8')).toBe(written);
  });

  it('init --yes exits 3 when no billable call was found: the events are left to the user', async () => {
    const dir = fixtureRepo('no-framework');
    writeFileSync(join(dir, 'digest.js'), 'console.log("no AI here");\n');
    git(dir, 'commit', '-qam', 'no ai', '--no-gpg-sign');
    const result = await runCli(['init', dir, '--yes']);
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('no billable calls were found');
    expect(existsSync(join(dir, 'billing.config.json'))).toBe(true);
  });

  it('init in a dirty tree exits 1 and lists the files; --json prints the plan without writing', async () => {
    const dir = fixtureRepo('express-ts-esm');
    writeFileSync(join(dir, 'src/server.ts'), '// edited\n');
    const dirty = await runCli(['init', dir, '--yes']);
    expect(dirty.code).toBe(1);
    expect(dirty.stderr).toContain('  src/server.ts');
    expect(existsSync(join(dir, 'billing.config.json'))).toBe(false);

    const json = await runCli(['init', dir, '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ area: 'init', package: '.', written: false, changes: [{ path: 'billing.config.json', action: 'create' }] });
  });

  it('init in a monorepo needs --package (exit 2), and writes into that package with it', async () => {
    const dir = fixtureRepo('monorepo');
    const ambiguous = await runCli(['init', dir, '--yes']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('apps/api, apps/web');
    expect((await runCli(['init', dir, '--yes', '--package', 'apps/web'])).code).toBe(0);
    expect(existsSync(join(dir, 'apps/web/billing.config.json'))).toBe(true);
  });

  it('an unknown command exits 2', async () => {
    const result = await runCli(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });

  it('an unknown option exits 2', async () => {
    expect((await runCli(['detect', '.', '--jsn'])).code).toBe(2);
  });

  it('apply with an unknown area exits 2 and names the areas there are', async () => {
    const result = await runCli(['apply', 'no-such-area', fixtureRepo('no-framework')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown area "no-such-area"');
  });

  it('--help and --version exit 0', async () => {
    expect((await runCli(['--help'])).code).toBe(0);
    expect((await runCli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
