// The finishing step with a real Prettier 3 installed into a temp project: only the files a plan touches are
// formatted, with the project's own config; in an edited file only our lines; a formatter not installed is said.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStyleTools } from '../../src/style/finish.js';
import type { FileChange } from '../../src/plan/types.js';

// Installed once per machine and reused: the tests need Prettier itself, not the network, on later runs.
const CACHE = join(tmpdir(), 'billing-codemod-test-prettier-3.10.1');
let installError: string | null = null;
let project = '';

beforeAll(async () => {
  if (!existsSync(join(CACHE, 'node_modules', 'prettier', 'package.json'))) {
    try {
      mkdirSync(CACHE, { recursive: true });
      // Async: a synchronous install would block the test worker long enough for vitest to time it out.
      await promisify(execFile)('npm', ['install', 'prettier@3.10.1', '--prefix', CACHE, '--no-audit', '--no-fund', '--loglevel=error'], { timeout: 300_000 });
    } catch (error) {
      installError = (error as Error).message;
    }
  }
  project = mkdtempSync(join(tmpdir(), 'format-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'app', devDependencies: { prettier: '^3' } }));
  writeFileSync(join(project, '.prettierrc'), JSON.stringify({ singleQuote: true, semi: false }));
  mkdirSync(join(project, 'src'));
  writeFileSync(join(project, 'src/untouched.ts'), 'const   ugly = "left as the user wrote it";\n');
  if (!installError) symlinkSync(join(CACHE, 'node_modules'), join(project, 'node_modules'), 'dir');
}, 320_000);

afterAll(() => rmSync(project, { recursive: true, force: true }));

async function finishAll(dir: string, formatter: 'prettier' | 'biome' | null, changes: FileChange[]) {
  const tools = await openStyleTools(dir, dir, { formatter, linter: null }, join(dir, 'src/lib/billing.ts'), '');
  const out: FileChange[] = [];
  for (const change of changes) {
    const done = await tools.finish(change);
    if (done.after !== done.before) out.push(done);
  }
  return { changes: out, notes: tools.notes(), style: await tools.projectStyle() };
}

describe('finishing with Prettier', () => {
  it('formats the touched files with the project config, and only them', async (ctx) => {
    if (installError) ctx.skip(`prettier@3 could not be installed (${installError.split('\n')[0]}); formatter run not tested`);
    const changes: FileChange[] = [
      { path: 'src/a.ts', action: 'modify', before: "const a = 'x'\n", after: "const a = 'x'\nconst b = {x:1};\n" },
      { path: 'src/lib/billing.ts', action: 'create', before: null, after: 'export const billing = { key: "k" };\n' },
      { path: '.env.example', action: 'modify', before: 'A=1\n', after: 'A=1\nCREDYT_API_KEY=\n' },
      { path: 'src/broken.ts', action: 'modify', before: 'x\n', after: 'const = ;\n' },
    ];
    const result = await finishAll(project, 'prettier', changes);
    expect(result.notes).toEqual(['src/broken.ts: formatting failed (Variable declaration expected. (1:7)); left as generated']);
    expect(result.changes).toEqual([
      { ...changes[0], after: "const a = 'x'\nconst b = { x: 1 }\n" },
      { ...changes[1], after: "export const billing = { key: 'k' }\n" },
      changes[2],
      changes[3],
    ]);
    expect(readFileSync(join(project, 'src/untouched.ts'), 'utf8')).toBe('const   ugly = "left as the user wrote it";\n');
  });

  it('formats only the lines the edit wrote in an edited file; every other line stays byte for byte', async (ctx) => {
    if (installError) ctx.skip('prettier@3 could not be installed');
    const before = 'const   ugly = "theirs";\nfunction f( ) {\n    go( {a:1} );\n}\n';
    const change: FileChange = { path: 'src/a.ts', action: 'modify', before, after: 'const   ugly = "theirs";\nfunction f( ) {\n    go( {a:1} );\n    billing.track({customer:"c"});\n}\n' };
    const [done] = (await finishAll(project, 'prettier', [change])).changes;
    expect(done.after).toBe('const   ugly = "theirs";\nfunction f( ) {\n    go( {a:1} );\n  billing.track({ customer: \'c\' })\n}\n');
  });

  it('reads the style for new files from the Prettier config', async (ctx) => {
    if (installError) ctx.skip('prettier@3 could not be installed');
    const { style } = await finishAll(project, 'prettier', []);
    expect({ semi: style.semi, quote: style.quote, sources: style.sources }).toEqual({ semi: false, quote: "'", sources: ['files', 'prettier'] });
  });

  it('drops a change that formatting turns back into the file as it was', async (ctx) => {
    if (installError) ctx.skip('prettier@3 could not be installed');
    const change: FileChange = { path: 'src/a.ts', action: 'modify', before: "const a = 'x'\n", after: 'const a = "x";\n' };
    expect((await finishAll(project, 'prettier', [change])).changes).toEqual([]);
  });
});

describe('finishing without a formatter', () => {
  it('passes changes through when the project has none', async () => {
    const change: FileChange = { path: 'a.ts', action: 'create', before: null, after: 'const a = "x"\n' };
    expect(await finishAll(project, null, [change])).toMatchObject({ changes: [change], notes: [] });
  });

  it('says so, and leaves changes as they are, when the configured formatter is not installed', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'format-bare-'));
    try {
      writeFileSync(join(bare, 'package.json'), '{}');
      const change: FileChange = { path: 'a.ts', action: 'create', before: null, after: 'const a = "x"\n' };
      for (const formatter of ['prettier', 'biome'] as const) {
        const result = await finishAll(bare, formatter, [change]);
        expect(result.changes).toEqual([change]);
        expect(result.notes).toEqual([`${formatter} is configured but not installed here; touched files were not formatted`]);
      }
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
