// Nothing is skipped in silence: files left out while reading the tree are listed by detect (text and
// --json) and by every area's plan, and a billable call in a file that does not parse keeps the area from
// exiting 0. Real files through the built CLI.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cli-left-out-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'left-out', type: 'module', dependencies: { express: '5.1.0', openai: '6.0.0' } }));
  writeFileSync(
    join(dir, 'src/app.js'),
    "import express from 'express';\nimport OpenAI from 'openai';\n\nconst openai = new OpenAI();\nexport const app = express();\n\napp.post('/chat', async (req, res) => {\n  const c = await openai.chat.completions.create({ model: 'm', messages: [] });\n  res.json({ id: req.user.id, text: c.choices[0].message.content });\n});\n",
  );
  // A billable call in a file that does not parse.
  writeFileSync(join(dir, 'src/broken.js'), "import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function ask( {\n  return openai.chat.completions.create({ model: 'm', messages: [] });\n}\n");
  writeFileSync(join(dir, 'src/latin1.js'), Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from('\nexport const x = 1;\n')]));
  writeFileSync(join(dir, 'src/huge.js'), `// ${'x'.repeat(64)}\n`.repeat(20_000));
  expect((await runCli(['init', dir, '--yes'], { cwd: dir })).code).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('files left out', () => {
  it('are listed by detect, in text and in --json, with their reasons', async () => {
    const json = JSON.parse((await runCli(['detect', dir, '--json'], { cwd: dir })).stdout);
    const [pkg] = json.packages;
    expect(pkg.skippedFiles.map((s: { file: string }) => s.file).sort()).toEqual(['src/huge.js', 'src/latin1.js']);
    expect(pkg.unparsed.map((u: { file: string }) => u.file)).toEqual(['src/broken.js']);
    const text = (await runCli(['detect', dir], { cwd: dir })).stdout;
    expect(text).toContain('files left out (2):');
    expect(text).toContain('src/latin1.js: not valid UTF-8');
    expect(text).toContain('src/huge.js: larger than 1 MiB');
    expect(text).toContain('files that do not parse (1)');
  });

  it('are listed in every plan, and a billable call in a file that does not parse makes the area exit 3 naming it', async () => {
    const result = await runCli(['apply', 'usage-events', dir, '--dry-run', '--json'], { cwd: dir });
    expect(result.code).toBe(3);
    const plan = JSON.parse(result.stdout);
    const reasons = Object.fromEntries(plan.skipped.filter((s: { line?: number }) => !s.line).map((s: { path: string; reason: string }) => [s.path, s.reason.split(' (')[0].split(':')[0]]));
    expect(reasons).toEqual({ 'src/huge.js': 'larger than 1 MiB', 'src/latin1.js': 'not valid UTF-8', 'src/broken.js': 'does not parse' });
    expect(plan.manual.some((m: { path?: string; message: string }) => m.path === 'src/broken.js' && /does not parse .* cannot be seen or billed/.test(m.message))).toBe(true);
    const customers = JSON.parse((await runCli(['apply', 'customers', dir, '--dry-run', '--json'], { cwd: dir })).stdout);
    expect(customers.skipped.map((s: { path: string }) => s.path)).toEqual(expect.arrayContaining(['src/huge.js', 'src/latin1.js', 'src/broken.js']));
  });
});
