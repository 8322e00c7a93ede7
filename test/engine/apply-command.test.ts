// The apply command in process, with a stand-in area registered (no real area is registered yet): a missing
// or broken config is bad usage (exit 2), a write keeps line endings, and a second run changes nothing.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AREAS, type AreaEntry } from '../../src/areas/registry.js';
import type { Area } from '../../src/areas/types.js';
import { applyCommand } from '../../src/commands/apply.js';
import { modifyFile } from '../../src/plan/file-change.js';
import { emptyPlan } from '../../src/plan/types.js';
import { gitRepo } from './git-repo.js';

/** Appends a marker line to src/app.ts unless it is there: the smallest idempotent area. */
const stamp: Area = {
  name: 'test-stamp',
  plan({ project, pkg }) {
    const plan = emptyPlan('test-stamp', pkg.info.path);
    const text = project.sources.get('src/app.ts');
    const change = text === undefined ? null : modifyFile('src/app.ts', text, (t) => (t.includes('// billed') ? null : `${t}// billed\n`));
    if (change) plan.changes.push(change);
    return plan;
  },
};

const stampEntry: AreaEntry = { name: stamp.name, summary: 'stand-in area for engine tests', load: async () => stamp };

const CONFIG = { provider: 'credyt', asset: 'USD', products: [{ code: 'ai_usage' }], events: [{ type: 'chat', calls: ['openai:*'], estimate: 0.01 }] };

let dir: string;
let stdout: string;
let stderr: string;

beforeAll(() => {
  AREAS.push(stampEntry);
  Object.defineProperty(process.stdin, 'isTTY', { value: false, configurable: true });
  Object.defineProperty(process.stdout, 'isTTY', { value: false, configurable: true });
});
afterAll(() => void AREAS.splice(AREAS.indexOf(stampEntry), 1));

beforeEach(() => {
  dir = gitRepo({ 'package.json': JSON.stringify({ name: 'app', dependencies: { express: '^4' } }), 'src/app.ts': 'const app = 1;\r\n' });
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

async function apply(...args: string[]): Promise<number | undefined> {
  process.exitCode = undefined;
  await applyCommand().exitOverride().parseAsync(args, { from: 'user' });
  const code = process.exitCode as number | undefined;
  process.exitCode = undefined;
  return code;
}

describe('apply', () => {
  it('without a config exits 2 and says to run init', async () => {
    expect(await apply('test-stamp', dir, '--yes')).toBe(2);
    expect(stderr).toContain('no billing.config.json in this app; run `billing-codemod init --yes` first');
    expect(readFileSync(join(dir, 'src/app.ts'), 'utf8')).toBe('const app = 1;\r\n');
  });

  it('with a broken config exits 2 naming the file and the field', async () => {
    writeFileSync(join(dir, 'billing.config.json'), JSON.stringify({ ...CONFIG, gates: { onUnavailable: 'sometimes' } }));
    expect(await apply('test-stamp', dir, '--yes')).toBe(2);
    expect(stderr).toMatch(/billing\.config\.json: gates\.onUnavailable must be one of "allow", "deny"/);
  });

  it('writes once, keeping CRLF; a second run plans nothing and exits 0', async () => {
    writeFileSync(join(dir, 'billing.config.json'), JSON.stringify(CONFIG));
    expect(await apply('test-stamp', dir, '--yes')).toBe(0);
    expect(readFileSync(join(dir, 'src/app.ts'), 'utf8')).toBe('const app = 1;\r\n// billed\r\n');

    stdout = '';
    expect(await apply('test-stamp', dir, '--yes', '--allow-dirty')).toBe(0);
    expect(stdout).toBe('test-stamp: nothing to change\n');
    expect(readFileSync(join(dir, 'src/app.ts'), 'utf8')).toBe('const app = 1;\r\n// billed\r\n');
  });

  it('refuses a dirty tree with exit 1', async () => {
    writeFileSync(join(dir, 'billing.config.json'), JSON.stringify(CONFIG));
    writeFileSync(join(dir, 'package.json'), '{"name":"app","dependencies":{"express":"^4"},"x":1}');
    expect(await apply('test-stamp', dir, '--yes')).toBe(1);
    expect(stderr).toContain('  package.json');
    expect(readFileSync(join(dir, 'src/app.ts'), 'utf8')).toBe('const app = 1;\r\n');
  });
});
