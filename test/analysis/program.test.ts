// The type program over real files and the real TypeScript checker: how often it is built.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTypeProgram, type TypeProgram } from '../../src/analysis/program.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const FILES: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext' } }),
  'src/a.ts': 'export const a = 1;\n',
  'src/b.ts': 'export const b = "b";\n',
  'src/c.ts': 'export const c = true;\n',
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
});
