// The files of a plan are finished side by side (Biome is a process per run), and what the plan says of them
// comes in the order the files were handed in, not the order their tool runs ended. The app's Biome is a
// stand-in here (BIOME_BINARY, which Biome's own launcher honours too): it answers slowly for a file named
// slow, and reports one lint problem in every file.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createFile } from '../../src/plan/file-change.js';
import { openStyleTools } from '../../src/style/finish.js';

const FAKE_BIOME = `#!/usr/bin/env node
const { appendFileSync } = require('node:fs');
const args = process.argv.slice(2);
const name = args.some((a) => a.includes('slow')) ? 'slow' : 'fast';
const log = (what) => appendFileSync(process.env.FAKE_BIOME_LOG, what + ' ' + name + '\\n');
log('start');
if (process.env.FAKE_BIOME_BROKEN) {
  process.stderr.write('biome.json:1:1 deserialize\\n  × Found an unknown key \\x60future\\x60.\\nThe configuration resulted in errors.\\n');
  process.exit(1);
}
let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', () => setTimeout(() => {
  if (args[0] === 'check') process.stdout.write(input);
  else process.stdout.write(JSON.stringify({ diagnostics: [{ category: 'lint/style/fake', message: 'fake', location: { start: { line: 1 } } }] }) + '\\n');
  log('end');
}, name === 'slow' ? 400 : 0));
`;

let dir = '';
let saved: string | undefined;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'finish-order-'));
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  writeFileSync(join(dir, 'node_modules', '.bin', 'biome'), '');
  writeFileSync(join(dir, 'fake-biome.cjs'), FAKE_BIOME);
  chmodSync(join(dir, 'fake-biome.cjs'), 0o755);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app' }));
  saved = process.env.BIOME_BINARY;
  process.env.BIOME_BINARY = join(dir, 'fake-biome.cjs');
  process.env.FAKE_BIOME_LOG = join(dir, 'runs.log');
});
afterAll(() => {
  if (saved === undefined) delete process.env.BIOME_BINARY;
  else process.env.BIOME_BINARY = saved;
  delete process.env.FAKE_BIOME_LOG;
  rmSync(dir, { recursive: true, force: true });
});

it('says what each file left in the order the files were handed in, while their tool runs overlap', async () => {
  const tools = await openStyleTools(dir, dir, { formatter: 'biome', linter: 'biome' }, join(dir, 'src/billing.ts'), '');
  const files = ['src/slow.ts', 'src/fast.ts'];
  const finished = await Promise.all(files.map((path) => tools.finish(createFile(path, 'export const n = 1;\n'))));
  expect(finished.map((f) => f.path)).toEqual(files);
  // After the first run (the others wait for it, in case the config cannot be read), the fast file's runs were
  // all done while the slow file's were still going: side by side, not in turn.
  const runs = readFileSync(join(dir, 'runs.log'), 'utf8').trim().split('\n');
  expect(runs.lastIndexOf('end fast'), runs.join(', ')).toBeLessThan(runs.lastIndexOf('end slow'));
  // Each file's notes (its rules turned off, its problems left), the slow file's first as it was handed in first.
  const notes = tools.notes();
  const about = notes.map((n) => files.find((f) => n.includes(f)));
  expect(about, notes.join('\n')).toEqual(['src/slow.ts', 'src/slow.ts', 'src/fast.ts', 'src/fast.ts']);
}, 60_000);

it('runs a tool whose config it cannot read once, not once per file started side by side', async () => {
  writeFileSync(join(dir, 'runs.log'), '');
  process.env.FAKE_BIOME_BROKEN = '1';
  try {
    const tools = await openStyleTools(dir, dir, { formatter: 'biome', linter: 'biome' }, join(dir, 'src/billing.ts'), '');
    const files = ['src/one.ts', 'src/two.ts', 'src/three.ts'];
    const finished = await Promise.all(files.map((path) => tools.finish(createFile(path, 'export const n = 1;\n'))));
    expect(finished.map((f) => f.after)).toEqual(files.map(() => 'export const n = 1;\n'));
    expect(readFileSync(join(dir, 'runs.log'), 'utf8').trim().split('\n')).toHaveLength(1);
    expect(tools.notes()).toEqual(['biome cannot read its configuration (biome.json:1:1: Found an unknown key `future`.); touched files were not formatted or linted by it']);
  } finally {
    delete process.env.FAKE_BIOME_BROKEN;
  }
}, 60_000);
