// One place that knows how to parse a file of the app: the Babel plugins per extension, and the same
// parser handed to recast/jscodeshift, so detection and transforms read code identically.
import { createRequire } from 'node:module';
import type { ParserOptions, ParserPlugin } from '@babel/parser';
import type { File } from '@babel/types';
import { requireCached } from '../analysis/code-cache.js';
import { step } from '../perf/steps.js';

// Required, not imported: an ESM import of this 500 KB CommonJS file first scans it for its export names
// (Node's cjs-module-lexer), ~45 ms of every run's start-up; require takes ~12, and with V8's code cache of
// the functions a run compiled ~6, and the first parse ~10 ms less.
export const { parse: babelParse } = requireCached(createRequire(import.meta.url).resolve('@babel/parser'), { afterUse: true }) as typeof import('@babel/parser');

export type Dialect = 'ts' | 'tsx' | 'js';

export function dialectOf(path: string): Dialect {
  if (/\.(ts|mts|cts)$/.test(path)) return 'ts';
  if (path.endsWith('.tsx')) return 'tsx';
  return 'js';
}

const COMMON_PLUGINS: ParserPlugin[] = [
  'decorators-legacy',
  'classProperties',
  'classPrivateProperties',
  'classPrivateMethods',
  'dynamicImport',
  'importAttributes',
  'topLevelAwait',
  'explicitResourceManagement',
];

export function babelOptions(dialect: Dialect): ParserOptions {
  const plugins: ParserPlugin[] = [...COMMON_PLUGINS];
  // `.ts` must not enable JSX: `<T>value` is a type assertion there, not an element.
  if (dialect === 'ts') plugins.push('typescript');
  else if (dialect === 'tsx') plugins.push('typescript', 'jsx');
  else plugins.push('jsx');
  return {
    sourceType: 'unambiguous',
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    allowImportExportEverywhere: true,
    errorRecovery: false,
    tokens: true,
    plugins,
  };
}

export class ParseError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    readonly line: number | null,
  ) {
    super(`${path}${line ? `:${line}` : ''}: ${reason}`);
  }
}

/**
 * Parses source text; throws ParseError with the file path and the parser's own message. `tokens: false` for
 * trees only read (detection): the token list is for reprinting, and costs time and memory on every file.
 */
export function parseSource(path: string, text: string, { tokens = true }: { tokens?: boolean } = {}): File {
  try {
    return step('parse', () => babelParse(text, { ...babelOptions(dialectOf(path)), tokens }) as unknown as File);
  } catch (error) {
    const e = error as Error & { loc?: { line: number } };
    throw new ParseError(path, e.message.replace(/\s*\(\d+:\d+\)$/, ''), e.loc?.line ?? null);
  }
}

/** A parser object in the shape recast and jscodeshift accept (`{ parse(source) }`). */
export function recastParserFor(path: string): { parse(source: string): import('ast-types').ASTNode } {
  const options = babelOptions(dialectOf(path));
  return { parse: (source: string) => babelParse(source, options) as unknown as import('ast-types').ASTNode };
}
