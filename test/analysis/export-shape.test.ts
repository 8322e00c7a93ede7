// The text compared for a type beyond the depth export shapes spell out: what two checkers print in different
// orders reads the same, and what differs still differs.
import { expect, it } from 'vitest';
import { canonicalTypeText } from '../../src/analysis/export-shape.js';

const same = (a: string, b: string) => expect(canonicalTypeText(a), `${a} ~ ${b}`).toBe(canonicalTypeText(b));
const differ = (a: string, b: string) => expect(canonicalTypeText(a), `${a} vs ${b}`).not.toBe(canonicalTypeText(b));

it('reads properties in any order, at any depth, in parameters and type arguments, as the same', () => {
  same('{ id: string; documentId: string; description: string | null; }', '{ documentId: string; description: string | null; id: string; }');
  same('{ a: { y: 1; x: 2; }; b?: string; }', '{ b?: string; a: { x: 2; y: 1; }; }');
  same('(x: { b: 1; a: 2; }) => Promise<{ readonly d: Date; c: "x"; }>', '(x: { a: 2; b: 1; }) => Promise<{ c: "x"; readonly d: Date; }>');
  same('{ "chat-title": string; appendMessage: string; }', '{ appendMessage: string; "chat-title": string; }');
});

it('reads a union of literals in any order as the same', () => {
  same('{ kind: "text" | "code" | "sheet"; }', '{ kind: "code" | "sheet" | "text"; }');
  same('1 | 3 | 2', '3 | 2 | 1');
  same('"x | y" | "a"', '"a" | "x | y"');
});

it('keeps what order means: overloads, call and index signatures, methods, an intersection next to a union', () => {
  differ('{ (a: string): void; (a: number): void; }', '{ (a: number): void; (a: string): void; }');
  differ('{ f(a: string): void; f(a: number): void; }', '{ f(a: number): void; f(a: string): void; }');
  differ('A & "z" | "c"', 'A & "c" | "z"');
  differ('Foo9 | 3', 'Foo3 | 9');
});

it('tells different types apart', () => {
  differ('{ a: string; b: number; }', '{ a: number; b: string; }');
  differ('{ b: "x; }"; a: string; }', '{ b: "x"; a: string; }');
  differ('{ a?: string; }', '{ a: string; }');
  expect(canonicalTypeText('{ b: "x; }"; a: string; }')).toBe('{ a: string; b: "x; }"; }');
  // Text that is not TypeScript's (a block never closed) loses nothing.
  expect(canonicalTypeText('{ b: 1; a: 2')).toMatch(/^\{b: 1; a: 2$/);
});
