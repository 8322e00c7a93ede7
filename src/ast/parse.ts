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
export const { parse: babelParse } = requireCached(createRequire(import.meta.url).resolve('@babel/parser'), {
  afterUse: true,
  train: (babel) => {
    const { parse } = babel as typeof import('@babel/parser');
    for (const dialect of ['ts', 'tsx', 'js'] as const) parse(TRAINING_CODE[dialect], { ...babelOptions(dialect), tokens: dialect === 'js' });
  },
}) as typeof import('@babel/parser');

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

// What the parser's code cache is made with (see requireCached's `train`): the syntax apps are written in, so
// that the functions reading it are in the cache whatever the first run parsed.
const TRAINING_MODULE = `import express, { type Request } from 'express';
import * as path from 'node:path';
export { helper } from './helper.js';
export type Id = string | number;
export interface User<T = unknown> { id: Id; name?: string; meta: Record<string, T>; readonly tags: string[] }
enum Plan { Free = 'free', Pro = 'pro' }
declare module 'x' { const y: number; }
abstract class Base<T> { protected abstract run(input: T): Promise<void> }
@Injectable()
export class Service extends Base<User> implements Disposable {
  #count = 0;
  static instance?: Service;
  constructor(private readonly db: Db, public name = 'svc') { super(); }
  @Get('/users/:id') async run(input: User, ...rest: unknown[]): Promise<void> {
    const { id, meta: { a = 1, ...others } = {} as never } = input;
    const list = [...rest, ...Object.keys(others)].map((x, i) => ({ x, i })).filter(Boolean);
    for (const item of list) if (item?.x && item.i >= 0) this.#count += 1; else continue;
    for await (const row of this.db.rows()) { switch (row.kind) { case 'a': break; default: throw new Error(\`bad \${row.kind}\`); } }
    try { await Promise.all([fetch(\`/api/\${id}\`, { method: 'POST', body: JSON.stringify({ id }) })]); } catch (error) { console.error(error as Error); } finally { void 0; }
    const re = /^\\/users\\/(\\d+)$/giu; const n = 1_000n ** 2n; const ok = id satisfies Id; label: while (!ok) break label;
    const fn = async <U,>(value: U): Promise<U | null> => value ?? null; const t = typeof fn === 'function' ? fn : null!;
    delete (input as any).name; new.target; void re; void n; void t; void path; void Plan.Pro;
  }
  get count(): number { return this.#count; }
  set count(value) { this.#count = value; }
}
const app = express();
app.post('/signup', async (req: Request, res) => { res.json(await new Service(db).run(req.body)); });
export default function handler(req, res) { return res.status(402).json({ error: 'insufficient balance' }); }
module.exports = { handler, ...require('./more') };
`;
export const TRAINING_CODE: Record<Dialect, string> = {
  ts: TRAINING_MODULE,
  tsx: `${TRAINING_MODULE}export const Page = ({ user }: { user: User }) => <><main className="p-4" data-id={user.id}>{user.name ? <b>{user.name}</b> : 'guest'}{[1, 2].map((n) => <i key={n} />)}</main></>;\n`,
  js: `const { OpenAI } = require('openai');\nexports.run = async function run(req, res) { const out = await new OpenAI().chat.completions.create({ model: 'm', messages: [] }); res.send(<p>{out.id}</p>); };\n`,
};
