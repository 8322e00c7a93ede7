// EditVerifier on real files and the real TypeScript checker: only diagnostics an edit adds count.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTypeProgram } from '../../src/analysis/program.js';
import { EditVerifier } from '../../src/analysis/verify.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function project(files: Record<string, string>): { dir: string; verifier: (overlays?: Map<string, string>) => EditVerifier } {
  const dir = mkdtempSync(join(tmpdir(), 'verify-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const text = (path: string) => files[path];
  return { dir, verifier: (overlays) => new EditVerifier(createTypeProgram({ projectDir: dir, pkgPath: '.', text }), overlays) };
}

const TSCONFIG = JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext' } });

describe('EditVerifier', () => {
  it('reports an error the edit adds, with its file, line and code', () => {
    const { verifier } = project({ 'tsconfig.json': TSCONFIG, 'src/a.ts': 'export const session = { user: { email: "x" } };\n' });
    const found = verifier().check(new Map([['src/a.ts', 'export const session = { user: { email: "x" } };\nexport const id: string = session.user.id;\n']]), ['src/a.ts']);
    expect(found).toEqual([{ path: 'src/a.ts', line: 2, code: 2339, message: "Property 'id' does not exist on type '{ email: string; }'." }]);
  });

  it("leaves the app's own errors out, even when the edit moves them", () => {
    const before = 'const n: number = "one";\nexport {};\n';
    const { verifier } = project({ 'tsconfig.json': TSCONFIG, 'src/a.ts': before });
    expect(verifier().check(new Map([['src/a.ts', `// a new first line\n${before}`]]), ['src/a.ts'])).toEqual([]);
  });

  it('counts a second copy of an existing error as new', () => {
    const before = 'const n: number = "one";\nexport {};\n';
    const { verifier } = project({ 'tsconfig.json': TSCONFIG, 'src/a.ts': before });
    const found = verifier().check(new Map([['src/a.ts', `${before}const m: number = "two";\n`]]), ['src/a.ts']);
    expect(found.map((d) => d.code)).toEqual([2322]);
  });

  it('finds errors an edit causes in a file that imports the edited one', () => {
    const { verifier } = project({
      'tsconfig.json': TSCONFIG,
      'src/helper.ts': 'export function ask(prompt: string): string {\n  return prompt;\n}\n',
      'src/route.ts': "import { ask } from './helper.js';\nexport const answer: string = ask('hi');\n",
    });
    const edited = 'export async function ask(prompt: string): Promise<string> {\n  return prompt;\n}\n';
    const found = verifier().check(new Map([['src/helper.ts', edited]]), ['src/helper.ts', 'src/route.ts']);
    expect(found.map((d) => `${d.path}:${d.line} TS${d.code}`)).toEqual(['src/route.ts:2 TS2322']);
  });

  it("checks an edited file's importers when its exports change, and only then", () => {
    const files = {
      'tsconfig.json': TSCONFIG,
      'src/helper.ts': 'export function ask(prompt: string): string {\n  return prompt;\n}\nexport class Bot {\n  reply(text: string): string {\n    return text;\n  }\n}\n',
      'src/route.ts': "import { ask, Bot } from './helper.js';\nexport const answer: string = ask('hi') + new Bot().reply('x');\n",
    };
    const asked: string[] = [];
    const of = (path: string) => (path === 'src/helper.ts' ? ['src/route.ts'] : []);
    const importersOf = {
      any: (path: string) => {
        asked.push(path);
        return of(path).length > 0;
      },
      of,
    };
    const body = files['src/helper.ts'].replace('return prompt;', 'const said = prompt;\n  return said;');
    const bodyCheck = project(files).verifier();
    expect(bodyCheck.check(new Map([['src/helper.ts', body]]), ['src/helper.ts'], importersOf)).toEqual([]);
    // Asked who imports the edited file (only then are its exports compared), and its importer left alone.
    expect([asked, [...bodyCheck.checkedFiles]]).toEqual([['src/helper.ts'], ['src/helper.ts']]);

    const signature = files['src/helper.ts'].replace('ask(prompt: string): string {\n  return prompt;', 'ask(prompt: string, user: string): string {\n  return prompt + user;');
    const signatureCheck = project(files).verifier();
    const found = signatureCheck.check(new Map([['src/helper.ts', signature]]), ['src/helper.ts'], importersOf);
    expect(found.map((d) => `${d.path}:${d.line} TS${d.code}`)).toEqual(['src/route.ts:2 TS2554']);
    expect([...signatureCheck.checkedFiles].sort()).toEqual(['src/helper.ts', 'src/route.ts']);

    // Members in another order are the same exports: two checkers list a type's members in the order they
    // made them (a query builder's row type), so the comparison sorts them.
    const reordered = files['src/helper.ts'].replace('export class Bot {', 'export const row = { b: 1, a: "x" };\nexport class Bot {');
    const sameRow = project({ ...files, 'src/helper.ts': reordered }).verifier();
    expect(sameRow.check(new Map([['src/helper.ts', reordered.replace('{ b: 1, a: "x" }', '{ a: "x", b: 1 }')]]), ['src/helper.ts'], importersOf)).toEqual([]);
    expect([...sameRow.checkedFiles]).toEqual(['src/helper.ts']);

    // A class method's new parameter is an export change too (a class prints as its name alone).
    const method = files['src/helper.ts'].replace('reply(text: string)', 'reply(text: string, user: string)');
    expect(project(files).verifier().check(new Map([['src/helper.ts', method]]), ['src/helper.ts'], importersOf).map((d) => `${d.path} TS${d.code}`)).toEqual(['src/route.ts TS2554']);
  });

  it("parses JSDoc as tsc does: a JavaScript file's JSDoc types are checked, a TypeScript file's comments are not parsed", () => {
    const files: Record<string, string> = {
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, allowJs: true, checkJs: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext' } }),
      'src/a.js': '/** @type {number} */\nexport const n = 1;\n',
      'src/b.ts': '/** The count. @param n a number */\nexport function count(n: number): number {\n  return n;\n}\n',
    };
    const { verifier } = project(files);
    const found = verifier().check(new Map([['src/a.js', '/** @type {number} */\nexport const n = "one";\n']]), ['src/a.js']);
    expect(found.map((d) => d.code)).toEqual([2322]);
    const program = createTypeProgram({ projectDir: project(files).dir, pkgPath: '.', text: (path) => files[path] });
    const jsDocOf = (path: string) => (program.sourceFile(path)?.statements[0] as { jsDoc?: unknown[] } | undefined)?.jsDoc;
    expect(jsDocOf('src/a.js')).toHaveLength(1);
    expect(jsDocOf('src/b.ts')).toBeUndefined();
  });

  it('reads the text a second program of the same folder is given (the next area, after the first was written)', () => {
    const files: Record<string, string> = { 'tsconfig.json': TSCONFIG, 'src/a.ts': 'export const n: number = 1;\n' };
    const { dir } = project(files);
    const first = createTypeProgram({ projectDir: dir, pkgPath: '.', text: (path) => files[path] });
    expect(first.diagnostics('src/a.ts')).toEqual([]);
    files['src/a.ts'] = 'export const n: number = "one";\n';
    const second = createTypeProgram({ projectDir: dir, pkgPath: '.', text: (path) => files[path] });
    expect(second.diagnostics('src/a.ts').map((d) => d.code)).toEqual([2322]);
  });

  it("reads a base config from the repository's own package when dependencies are not installed", () => {
    const files: Record<string, string> = {
      'packages/tsconfig/package.json': JSON.stringify({ name: '@acme/tsconfig' }),
      'packages/tsconfig/base.json': JSON.stringify({ compilerOptions: { target: 'ES2022', lib: ['ES2022'], strict: true, module: 'NodeNext', moduleResolution: 'NodeNext' } }),
      'apps/web/tsconfig.json': JSON.stringify({ extends: '@acme/tsconfig/base.json', include: ['src'] }),
      'apps/web/src/a.ts': 'export async function one(): Promise<number> {\n  return 1;\n}\n',
    };
    const { dir } = project(files);
    const edited = `${files['apps/web/src/a.ts']}export async function two(): Promise<number> {\n  return 2;\n}\n`;
    const program = (workspace: boolean) =>
      createTypeProgram({ projectDir: dir, pkgPath: 'apps/web', text: (path) => files[path], workspace: (name) => (workspace && name === '@acme/tsconfig' ? join(dir, 'packages/tsconfig') : null) });
    const linked = program(true);
    expect(linked.settingsFrom).toBe('tsconfig.json');
    expect(new EditVerifier(linked).check(new Map([['apps/web/src/a.ts', edited]]), ['apps/web/src/a.ts'])).toEqual([]);
    // Not in the repository either: TypeScript's defaults (ES5, no Promise), which the report names, and what
    // they lack is not the edit's fault (the app's own build has its base config).
    const unlinked = program(false);
    expect(unlinked.settingsFrom).toMatch(/^tsconfig\.json, without its base config \(File '@acme\/tsconfig\/base\.json' not found\.\)$/);
    expect(unlinked.diagnostics('apps/web/src/a.ts').map((d) => d.code)).toEqual([2705]);
    expect(new EditVerifier(unlinked).check(new Map([['apps/web/src/a.ts', edited]]), ['apps/web/src/a.ts'])).toEqual([]);
    const wrong = edited.replace('return 2;', 'const n: number = "two";\n  return n;');
    expect(new EditVerifier(unlinked).check(new Map([['apps/web/src/a.ts', wrong]]), ['apps/web/src/a.ts']).map((d) => d.code)).toEqual([2322]);
  });

  it('type-checks JavaScript under checkJs, counting only what the edit adds', () => {
    const { verifier } = project({ 'src/a.js': 'const user = { email: "x" };\nmodule.exports = { user };\n' });
    const found = verifier().check(new Map([['src/a.js', 'const user = { email: "x" };\nmodule.exports = { user, id: user.email.toFixed() };\n']]), ['src/a.js']);
    expect(found.map((d) => d.code)).toEqual([2551]);
  });

  it('resolves a file that exists only as an overlay (the billing module before client-setup writes it)', () => {
    const { verifier } = project({ 'tsconfig.json': TSCONFIG, 'src/route.ts': 'export {};\n' });
    const overlays = new Map([['src/lib/billing.ts', 'export const billing = { track(id: string): void {} };\n']]);
    const ok = "import { billing } from './lib/billing.js';\nbilling.track('u1');\n";
    const bad = "import { billing } from './lib/billing.js';\nbilling.track(1);\n";
    expect(verifier(overlays).check(new Map([['src/route.ts', ok]]), ['src/route.ts'])).toEqual([]);
    expect(verifier(overlays).check(new Map([['src/route.ts', bad]]), ['src/route.ts']).map((d) => d.code)).toEqual([2345]);
  });

  it('does not blame an edit for a package that is not installed, nor for callback parameters that package would type', () => {
    const { verifier } = project({ 'tsconfig.json': TSCONFIG, 'src/a.ts': "import { streamText } from 'ai';\nexport const r = streamText({});\n" });
    const edited = "import { streamText } from 'ai';\nimport { after } from 'next/server';\nexport const r = streamText({ onFinish: ({ usage }) => after(() => usage) });\n";
    expect(verifier().check(new Map([['src/a.ts', edited]]), ['src/a.ts'])).toEqual([]);
  });
});
