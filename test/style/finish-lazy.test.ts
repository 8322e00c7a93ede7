// The app's formatter and linter are loaded when first needed: a plan that writes nothing loads neither.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createFile } from '../../src/plan/file-change.js';
import { openStyleTools } from '../../src/style/finish.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function app(): string {
  const dir = mkdtempSync(join(tmpdir(), 'finish-lazy-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'package.json'), '{}');
  return dir;
}

it('looks for nothing until asked, then says what is missing once', async () => {
  const dir = app();
  const tools = openStyleTools(dir, dir, { formatter: 'prettier', linter: 'eslint' }, join(dir, 'src/billing.ts'), '');
  // Prettier and ESLint are configured and not installed: nothing is said before they are looked for.
  expect(tools.notes()).toEqual([]);
  expect(tools.lint.noVoid).toBeUndefined();
  expect(tools.lint.readEarly).toBe(true);
  await tools.projectStyle();
  const said = ['prettier is configured but not installed here; touched files were not formatted'];
  expect(tools.notes()).toEqual(said);
  await tools.finish(createFile('src/billing.ts', 'export const n = 1;\n'));
  expect(tools.notes()).toEqual(said);
});

it('loads them for the first file it finishes', async () => {
  const dir = app();
  const tools = openStyleTools(dir, dir, { formatter: null, linter: 'eslint' }, join(dir, 'src/billing.ts'), '');
  const finished = await tools.finish(createFile('src/billing.ts', 'export const n = 1;\n'));
  expect(finished.after).toBe('export const n = 1;\n');
  expect(tools.notes()).toEqual(['eslint is configured but not installed here; touched files were not linted']);
});
