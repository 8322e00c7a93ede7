// `billing-codemod list`: every area with whether it looks applied, judged as a second run would be.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cli-list-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const states = (stdout: string) => Object.fromEntries(stdout.trim().split('\n').map((line) => line.split(/\s{2,}/).slice(0, 2)));

describe('billing-codemod list', () => {
  it('says which areas need init, are applied, or would change files', async () => {
    cpSync(join(REPO_ROOT, 'examples', 'express-ts-esm'), dir, { recursive: true, filter: (src) => !src.includes('node_modules') });
    const before = await runCli(['list', dir, '--package', '.'], { cwd: dir });
    expect(before.code).toBe(0);
    expect(states(before.stdout)).toEqual({ 'client-setup': 'needs init', customers: 'needs init', 'usage-events': 'needs init', 'balance-gates': 'needs init' });

    expect((await runCli(['init', dir, '--yes', '--allow-dirty'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['apply', 'client-setup', dir, '--yes', '--allow-dirty'], { cwd: dir })).code).toBe(0);
    const after = states((await runCli(['list', dir], { cwd: dir })).stdout);
    expect(after['client-setup']).toBe('applied');
    for (const area of ['customers', 'usage-events', 'balance-gates']) expect(after[area]).toMatch(/^\d+ file\(s\) to change$/);
  }, 120_000);
});
