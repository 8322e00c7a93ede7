// The transforms are also plain jscodeshift transforms: run by jscodeshift's own CLI in an app's folder, each
// works out what `billing-codemod apply` would hand it and makes the same edits as the area's fixture.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIXTURES_ROOT } from '../helpers/fixtures.js';
import { REPO_ROOT } from '../helpers/cli.js';

const JSCODESHIFT = join(REPO_ROOT, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');

const CASES: Array<[area: string, fixture: string]> = [
  ['customers', 'express-controller-function'],
  ['usage-events', 'helper-returns-result'],
  ['balance-gates', 'helper-function-call'],
];

function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.set(relative(dir, join(d, e.name)).split('\\').join('/'), readFileSync(join(d, e.name), 'utf8'));
    }
  };
  walk(dir);
  return out;
}

describe('jscodeshift -t dist/transforms/<area>.js', () => {
  it.each(CASES)('%s edits %s as apply does', async (area, fixture) => {
    const dir = mkdtempSync(join(tmpdir(), `jscodeshift-${area}-`));
    try {
      cpSync(join(FIXTURES_ROOT, area, fixture, 'input'), dir, { recursive: true });
      const transform = join(REPO_ROOT, 'dist', 'transforms', `${area}.js`);
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [JSCODESHIFT, '--no-babel', '--parser=tsx', '--extensions=ts,tsx,js', '--ignore-pattern=**/node_modules/**', '-t', transform, '.'],
        { cwd: dir },
      );
      expect(stdout).toMatch(/0 errors/);
      const expected = tree(join(FIXTURES_ROOT, area, fixture, 'output'));
      const actual = tree(dir);
      expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [file, text] of expected) expect(actual.get(file), file).toBe(text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
