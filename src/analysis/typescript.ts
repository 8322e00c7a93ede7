// The TypeScript compiler, loaded on first use only: it is large, and most commands never need it.
import { createRequire } from 'node:module';
import type ts from 'typescript';

export type Ts = typeof ts;

let loaded: Ts | null = null;

export function loadTypeScript(): Ts {
  loaded ??= createRequire(import.meta.url)('typescript') as Ts;
  return loaded;
}
