// Each fixture project under test/fixtures/projects/ is detected as a whole: the StackInfo must equal its
// expected.json, in process and through the built CLI (`detect --json`).
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { notSignupReason } from '../../src/detect/signup-handlers.js';
import { detectPackages, detectStack } from '../../src/detect/stack.js';
import type { StackInfo } from '../../src/detect/types.js';
import { loadProject } from '../../src/project/project.js';
import { runCli } from '../helpers/cli.js';

const PROJECTS = join(import.meta.dirname, '..', 'fixtures', 'projects');
const names = readdirSync(PROJECTS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const temps: string[] = [];

/** A copy of the fixture outside any git repository, without its expected.json. */
function copyFixture(name: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), `detect-${name}-`)), name);
  cpSync(join(PROJECTS, name), dir, { recursive: true, filter: (src) => basename(src) !== 'expected.json' });
  temps.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of temps) rmSync(join(dir, '..'), { recursive: true, force: true });
});

describe('detection fixture projects', () => {
  it('has the projects the issue lists', async () => {
    expect(names).toEqual(['express-js-cjs', 'express-ts-esm', 'fastify-js', 'fastify-ts', 'monorepo', 'next-app', 'next-pages', 'no-framework']);
  });

  for (const name of names) {
    it(`${name}: detectStack and \`detect --json\` equal expected.json`, async () => {
      const expected = JSON.parse(readFileSync(join(PROJECTS, name, 'expected.json'), 'utf8')) as StackInfo;
      const dir = copyFixture(name);
      const stack = await detectStack(await loadProject(dir));
      expect(JSON.parse(JSON.stringify(stack))).toEqual(expected);

      const cli = await runCli(['detect', dir, '--json']);
      expect(cli.stderr).toBe('');
      expect(cli.code).toBe(0);
      expect(JSON.parse(cli.stdout)).toEqual(expected);
    });
  }
});

// The routes each fixture has that create users or sit beside signup, and why they are not signups: found,
// and left out for the stated reason (not skipped because the route was never seen).
const NOT_SIGNUP: Record<string, Record<string, RegExp>> = {
  'express-ts-esm': { 'POST /api/auth/login': /login or session/, 'POST /api/admin/users': /admin route/ },
  'express-js-cjs': { 'POST /auth/login': /login or session/, 'POST /api/users': /guarded by requireAdmin/ },
  'fastify-ts': { 'POST /api/auth/login': /login or session/, 'POST /api/team/members': /guarded by fastify\.requireAdmin/ },
  'fastify-js': { 'POST /v1/accounts/signin': /login or session/ },
  'next-app': { 'POST /api/admin/users': /admin route/ },
  'next-pages': { 'ANY /api/admin/users': /admin route/ },
};

describe('routes the fixtures leave out of signup', () => {
  for (const [name, expected] of Object.entries(NOT_SIGNUP)) {
    it(`${name}: ${Object.keys(expected).join(', ')}`, async () => {
      const [pkg] = await detectPackages(await loadProject(copyFixture(name)));
      const reasons = Object.fromEntries(pkg.routes().map((r) => [`${r.method ?? 'ANY'} ${r.path}`, notSignupReason(r)]));
      for (const [route, reason] of Object.entries(expected)) expect(reasons[route], route).toMatch(reason);
    });
  }
});
