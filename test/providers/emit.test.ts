// The emitter on small inputs: types stripped and nothing else, comments and blank lines kept, CommonJS
// conversion, refusals, determinism.
import { parse } from '@babel/parser';
import { describe, expect, test } from 'vitest';
import { emitModule, findRuntimeTypeScript, jsLiteral, parseModule, toCommonJs } from '../../src/providers/emit/index.js';

const js = (source: string) => emitModule(source, { language: 'js', module: 'esm' });
const cjs = (source: string) => emitModule(source, { language: 'js', module: 'cjs' });

describe('stripping types', () => {
  test('removes annotations, generics, assertions and type-only declarations, keeping the code as written', () => {
    const source = [
      "import type { Options } from './options.js';",
      "import { load, type Loaded } from './load.js';",
      '',
      'export interface Point {',
      '  x: number;',
      '}',
      'type Pair = [number, number];',
      '',
      'export async function run<T extends object>(input: T, count?: number): Promise<Loaded<T>> {',
      '  const value = (input as unknown as { size: number }).size!;',
      '  const checked = { value } satisfies Record<string, number>;',
      '  return load<T>(input, value, checked, count as number, <number>count);',
      '}',
      '',
    ].join('\n');
    expect(js(source)).toBe(
      [
        "import { load } from './load.js';",
        '',
        'export async function run(input, count) {',
        '  const value = input.size;',
        '  const checked = { value };',
        '  return load(input, value, checked, count, count);',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('keeps comments and blank lines; doc comments of removed types go with them', () => {
    const source = [
      '// File header: why this module exists.',
      '',
      "import type { A } from './a.js';",
      '',
      '/** A point. */',
      'interface Point { x: number }',
      '',
      '// Section title.',
      '',
      'const a: number = 1; // trailing note',
      '',
      '',
      '/** Doubles. */',
      'export function double(n: number): number {',
      '  // inner comment',
      '',
      '  return n * 2;',
      '}',
      '',
    ].join('\n');
    expect(js(source)).toBe(
      [
        '// File header: why this module exists.',
        '',
        '// Section title.',
        '',
        'const a = 1; // trailing note',
        '',
        '/** Doubles. */',
        'export function double(n) {',
        '  // inner comment',
        '',
        '  return n * 2;',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('a comment opening with `TypeScript:` explains types and goes with them; TypeScript output keeps it', () => {
    const source = [
      '// Settings.',
      '// TypeScript: `as` keeps the other values type-correct.',
      "const MODE = 'a' as 'a' | 'b';",
      '/** TypeScript: the union, for callers. */',
      'export function mode(): string {',
      '  // A note about TypeScript: kept, it does not open with the marker.',
      '  return MODE; // TypeScript: narrowed here',
      '}',
      '',
    ].join('\n');
    expect(js(source)).toBe(
      [
        '// Settings.',
        "const MODE = 'a';",
        'export function mode() {',
        '  // A note about TypeScript: kept, it does not open with the marker.',
        '  return MODE;',
        '}',
        '',
      ].join('\n'),
    );
    expect(emitModule(source, { language: 'ts', module: 'esm' })).toBe(source);
  });

  test('drops parentheses that only held an assertion, keeps those the expression needs', () => {
    expect(js('const a = (x as Foo).y;\n')).toBe('const a = x.y;\n');
    expect(js('const b = ((p ?? q) as number) * 2;\n')).toBe('const b = (p ?? q) * 2;\n');
    expect(js('const c = (p ?? {}) as { d?: string };\n')).toBe('const c = p ?? {};\n');
    expect(js('const d = (await f())!.e;\n')).toBe('const d = (await f()).e;\n');
  });

  test('optional chains stay; parameters lose `?` and types, destructuring stays as written', () => {
    expect(js('const a = b?.c.d!?.e?.(f as number)?.[g];\n')).toBe('const a = b?.c.d?.e?.(f)?.[g];\n');
    expect(js('function h(i?: number, { j = k as number }: { j?: number } = {}) {}\n')).toBe('function h(i, { j = k } = {}) {}\n');
    expect(js('const { o, p: [q] }: R = s;\nconst t = ({ u }: V): number => u;\n')).toBe('const { o, p: [q] } = s;\nconst t = ({ u }) => u;\n');
  });

  test('class members: types and modifiers go, declared-only members go, fields stay', () => {
    const source = [
      'export class Failure extends Error implements Reported {',
      '  readonly status: number | null;',
      '  declare cause: unknown;',
      '  private note?: string;',
      '  constructor(message: string, status: number | null) {',
      '    super(message);',
      '    this.status = status;',
      '  }',
      '}',
      '',
    ].join('\n');
    expect(js(source)).toBe(
      [
        'export class Failure extends Error {',
        '  status;',
        '  note;',
        '  constructor(message, status) {',
        '    super(message);',
        '    this.status = status;',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('a side-effect import stays; an import of types only goes', () => {
    expect(js("import 'server-only';\nimport { type A, type B } from './types.js';\nexport const x = 1;\n")).toBe(
      "import 'server-only';\nexport const x = 1;\n",
    );
  });

  test('refuses TypeScript that has runtime semantics, naming it', () => {
    expect(() => js('enum Color { Red }\n')).toThrow(/enum \(line 1\)/);
    expect(() => js('namespace N { export const a = 1; }\n')).toThrow(/namespace/);
    expect(() => js('class A { constructor(private b: number) {} }\n')).toThrow(/parameter property/);
    expect(() => js("import fs = require('fs');\n")).toThrow(/import = require/);
    // `declare` forms are types only.
    expect(js('declare namespace N { const a: number; }\ndeclare const b: string;\nexport const c = 1;\n')).toBe('export const c = 1;\n');
  });

  test('findRuntimeTypeScript lists what it finds', () => {
    expect(findRuntimeTypeScript(parseModule('const enum E { A }\nexport const x = 1;\n'))).toEqual(['enum (line 1)']);
    expect(findRuntimeTypeScript(parseModule('export const x: number = 1;\n'))).toEqual([]);
  });

  test('TypeScript output is the source as written', () => {
    const source = '// note\n\nexport const x: number = (y as number);\n';
    expect(emitModule(source, { language: 'ts', module: 'esm' })).toBe(source);
    expect(emitModule(source, { language: 'ts', module: 'cjs' })).toBe(source);
  });
});

describe('CommonJS', () => {
  test('imports become require, exports lose their keyword and are listed once at the end', () => {
    const source = [
      '// Header.',
      "import { randomUUID, createHash as hash } from 'node:crypto';",
      "import path from 'node:path';",
      "import * as fs from 'node:fs';",
      "import 'server-only';",
      '',
      'export const version = 1;',
      '',
      '/** Makes an id. */',
      'export function makeId(): string {',
      '  return randomUUID();',
      '}',
      '',
      'export class Thing {}',
      'const internal = 2;',
      'export { internal as exposed };',
      '',
    ].join('\n');
    expect(cjs(source)).toBe(
      [
        '// Header.',
        "'use strict';",
        "const { randomUUID, createHash: hash } = require('node:crypto');",
        "const path = require('node:path');",
        "const fs = require('node:fs');",
        "require('server-only');",
        '',
        'const version = 1;',
        '',
        '/** Makes an id. */',
        'function makeId() {',
        '  return randomUUID();',
        '}',
        '',
        'class Thing {}',
        'const internal = 2;',
        '',
        'module.exports = { version, makeId, Thing, exposed: internal };',
        '',
      ].join('\n'),
    );
  });

  test('a long export list goes one name a line', () => {
    expect(toCommonJs('export const a = 1;\nexport const b = 2;\n')).toContain('module.exports = { a, b };');
    const names = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima'];
    const out = toCommonJs(names.map((name) => `export const ${name} = 1;`).join('\n'));
    expect(out).toContain(`module.exports = {\n${names.map((name) => `  ${name},`).join('\n')}\n};\n`);
  });

  test('the output is a script: no import or export left', () => {
    const out = cjs("import { a } from './a.js';\nexport const b = a;\nexport function c() {}\n");
    expect(() => parse(out, { sourceType: 'script' })).not.toThrow();
    expect(out).not.toMatch(/^\s*(import|export)\b/m);
  });

  test('refuses what has no plain CommonJS form', () => {
    expect(() => toCommonJs('export default 1;\n')).toThrow(/export default \(line 1\)/);
    expect(() => toCommonJs("export * from './a.js';\n")).toThrow(/export \* from/);
    expect(() => toCommonJs("export { a } from './a.js';\n")).toThrow(/export \.\.\. from/);
    expect(() => toCommonJs('export const { a } = b;\n')).toThrow(/destructuring/);
    expect(() => toCommonJs('const here = import.meta.url;\n')).toThrow(/import\.meta/);
    expect(() => toCommonJs('export default function a() {}\nexport const b = 1;\n')).toThrow(/export default next to named exports/);
  });

  test('a default-exported function alone becomes module.exports (a plugin @fastify/autoload loads)', () => {
    const out = toCommonJs('export default async function routes(fastify) {\n  fastify.get("/", () => 1);\n}\n');
    expect(out).toMatch(/^'use strict';\nasync function routes\(fastify\) \{/);
    expect(out.trimEnd().endsWith('module.exports = routes;')).toBe(true);
  });
});

test('emitting is deterministic', () => {
  const source = "import { x } from './x.js';\n\n// why\nexport const y: number = x as number;\n";
  for (const form of [{ language: 'js', module: 'esm' }, { language: 'js', module: 'cjs' }] as const) {
    expect(emitModule(source, form)).toBe(emitModule(source, form));
  }
});

test('jsLiteral writes single-quoted strings, arrays and plain values', () => {
  expect(jsLiteral("it's \\ \n")).toBe("'it\\'s \\\\ \\n'");
  expect(jsLiteral(['a', 'b'])).toBe("['a', 'b']");
  expect(jsLiteral(undefined)).toBe('undefined');
  expect(jsLiteral(0.01)).toBe('0.01');
  expect(jsLiteral(true)).toBe('true');
  expect(() => jsLiteral(Number.NaN)).toThrow();
});
