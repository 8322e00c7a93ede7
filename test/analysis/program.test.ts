// The type program over real files and the real TypeScript checker: how often it is built.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTypeProgram, type TypeProgram } from '../../src/analysis/program.js';
import { memoryContext } from '../detect/helpers.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const FILES: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext' } }),
  'src/a.ts': 'export const a = 1;\n',
  'src/b.ts': 'export const b = "b";\n',
  'src/c.ts': 'export const c = true;\n',
  'src/d.ts': "import { a } from './a.js';\nexport const d = a + 1;\n",
};

function program(): TypeProgram {
  const dir = mkdtempSync(join(tmpdir(), 'program-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return createTypeProgram({ projectDir: dir, pkgPath: '.', text: (path) => FILES[path] });
}

describe('createTypeProgram', () => {
  it('builds one program (one checker) for the files it was told to expect, whatever order they are asked in', () => {
    const types = program();
    types.expect(['src/a.ts', 'src/b.ts', 'src/c.ts']);
    expect(types.sourceFile('src/b.ts')).not.toBeNull();
    const first = types.checker();
    expect(types.sourceFile('src/c.ts')).not.toBeNull();
    expect(types.sourceFile('src/a.ts')).not.toBeNull();
    expect(types.checker()).toBe(first);
  });

  it('builds again for a file it did not expect (each new root is a new program)', () => {
    const types = program();
    types.expect(['src/a.ts']);
    expect(types.sourceFile('src/a.ts')).not.toBeNull();
    const first = types.checker();
    expect(types.sourceFile('src/c.ts')).not.toBeNull();
    expect(types.checker()).not.toBe(first);
  });

  it('asks about a file a root imports in the program it has: no new root, no new checker', () => {
    const types = program();
    expect(types.sourceFile('src/d.ts')).not.toBeNull();
    const first = types.checker();
    expect(types.sourceFile('src/a.ts')).not.toBeNull();
    expect(types.diagnostics('src/a.ts')).toEqual([]);
    expect(types.exportShape('src/a.ts')).toContain('a');
    expect(types.checker()).toBe(first);
    // Its text set, it is a new program, and the edit is what the checker sees.
    types.setText('src/a.ts', 'export const a = "one";\n');
    expect(types.checker()).not.toBe(first);
    expect(types.diagnostics('src/d.ts')).toEqual([]);
    expect(types.exportShape('src/a.ts')).toContain('"one"');
  });

  it('sets nothing new for the text already in place (each change is a new checker)', () => {
    const types = program();
    expect(types.sourceFile('src/d.ts')).not.toBeNull();
    const first = types.checker();
    types.setText('src/a.ts', null);
    expect(types.checker()).toBe(first);
    types.setText('src/a.ts', 'export const a = 2;\n');
    const second = types.checker();
    expect(second).not.toBe(first);
    types.setText('src/a.ts', 'export const a = 2;\n');
    expect(types.checker()).toBe(second);
    types.setText('src/a.ts', null);
    expect(types.checker()).not.toBe(second);
  });

  it('builds the texts it was told to expect into its next program, so setting them then builds nothing', () => {
    const types = program();
    types.expectText('src/e.ts', 'export const e = 5;\n');
    expect(types.sourceFile('src/a.ts')).not.toBeNull();
    const first = types.checker();
    expect(types.sourceFile('src/e.ts')?.text).toBe('export const e = 5;\n');
    types.setText('src/e.ts', 'export const e = 5;\n');
    expect(types.checker()).toBe(first);
    // Once a program is built, an expected text waits for the next change.
    types.expectText('src/f.ts', 'export const f = 6;\n');
    expect(types.sourceFile('src/f.ts')).toBeNull();
    types.setText('src/b.ts', 'export const b = "bee";\n');
    expect(types.checker()).not.toBe(first);
    expect(types.sourceFile('src/f.ts')?.text).toBe('export const f = 6;\n');
  });
});

describe('PackageContext.expectTypeTexts', () => {
  it('asks for the texts when the program is made, not before: a run that makes none generates nothing', () => {
    const ctx = memoryContext({ 'src/a.ts': 'export const a = 1;\n' });
    let asked = 0;
    ctx.expectTypeTexts(() => {
      asked++;
      return new Map([['src/module.ts', 'export const m = 2;\n']]);
    });
    expect(asked).toBe(0);
    const types = ctx.typeProgram();
    expect(asked).toBe(1);
    expect(types.sourceFile('src/a.ts')).not.toBeNull();
    expect(types.sourceFile('src/module.ts')?.text).toBe('export const m = 2;\n');
    // Made already: asked at once.
    ctx.expectTypeTexts(() => {
      asked++;
      return new Map();
    });
    expect(asked).toBe(2);
  });
});
