// `billing-codemod list`: every area with whether it looks applied, judged as a second run would be.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
    expect(states(before.stdout)).toEqual({
      'client-setup': 'needs init',
      customers: 'needs init',
      'usage-events': 'needs init',
      'balance-gates': 'needs init',
      'billing-portal': 'needs init',
      'balance-display': 'needs init',
      webhooks: 'needs init',
      'cost-tracking': 'needs init',
    });

    expect((await runCli(['init', dir, '--yes', '--allow-dirty'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['apply', 'client-setup', dir, '--yes', '--allow-dirty'], { cwd: dir })).code).toBe(0);
    const after = states((await runCli(['list', dir], { cwd: dir })).stdout);
    expect(after['client-setup']).toBe('applied');
    for (const area of ['customers', 'usage-events', 'balance-gates', 'billing-portal', 'balance-display', 'webhooks']) expect(after[area]).toMatch(/^\d+ file\(s\) to change$/);
    // Cost tracking prices the events usage-events sends: until there are some, that is the step left.
    expect(after['cost-tracking']).toBe('partly applied (1 step(s) left)');
  }, 120_000);

  it('says partly applied while sites are left to a person, not applied', async () => {
    const app = mkdtempSync(join(tmpdir(), 'cli-list-partly-'));
    try {
      writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'partly', type: 'module', dependencies: { express: '5.1.0', openai: '6.0.0' } }));
      mkdirSync(join(app, 'src'));
      writeFileSync(
        join(app, 'src/app.js'),
        "import express from 'express';\nimport OpenAI from 'openai';\n\nconst openai = new OpenAI();\nexport const app = express();\n\n" +
          "app.post('/chat', requireAuth, async (req, res) => {\n  const completion = await openai.chat.completions.create({ model: 'm', messages: [] });\n  res.json({ id: req.user.id, text: completion.choices[0].message.content });\n});\n\n" +
          "app.post('/public', async (req, res) => {\n  const completion = await openai.chat.completions.create({ model: 'm', messages: [] });\n  res.json({ text: completion.choices[0].message.content });\n});\n\n" +
          'function requireAuth(req, res, next) {\n  next();\n}\n',
      );
      expect((await runCli(['init', app, '--yes', '--allow-dirty'], { cwd: app })).code).toBe(0);
      expect((await runCli(['apply', 'usage-events', app, '--yes', '--allow-dirty'], { cwd: app })).code).toBe(3);
      expect(states((await runCli(['list', app], { cwd: app })).stdout)['usage-events']).toBe('partly applied (1 step(s) left)');
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  }, 120_000);
});
