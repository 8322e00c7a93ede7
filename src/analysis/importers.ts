// Which files of a package import a given file directly: a text test for specifiers that can name it, then
// the candidates' imports resolved. Bounded: enough to re-check the callers of a changed signature, or to tell
// that only browser code imports a module, without reading the whole package for a file imported everywhere.
import { posix } from 'node:path';
import { collectImports } from '../ast/imports.js';
import type { PackageContext } from '../detect/package-context.js';

/** How many importers are enough to answer: re-check a changed signature's callers, or tell browser-only. */
export const IMPORTERS_LIMIT = 20;

export function importersOf(ctx: PackageContext, path: string): string[] {
  const found: string[] = [];
  for (const file of importersIn(ctx, path)) if (found.push(file) >= IMPORTERS_LIMIT) break;
  return found;
}

/** The importers one at a time, for a caller that can stop at the first that answers its question. */
export function* importersIn(ctx: PackageContext, path: string): Generator<string> {
  const names = specifierEnding(path);
  for (const [file, text] of ctx.sources) {
    if (file === path || !names.test(text)) continue;
    const ast = ctx.parse(file);
    if (ast && collectImports(ast).some((i) => ctx.resolve(file, i.source) === path)) yield file;
  }
}

/**
 * A quoted module specifier that can name `path`: one ending in its name (`./auth`, `@/lib/auth.js`), or for
 * an index file in its folder's name (`./auth`, `./auth/index`). A text test on the bare name passed nearly
 * every file for a module named `auth` or `db`, and each passing file is parsed.
 */
function specifierEnding(path: string): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const stem = posix.basename(path).replace(/\.[cm]?[jt]sx?$/, '');
  const name = stem === 'index' ? `${escape(posix.basename(posix.dirname(path)))}(?:/index)?` : escape(stem);
  return new RegExp(`['"\`](?:[^'"\`\\n]*[/#@~:])?${name}(?:\\.[cm]?[jt]sx?)?['"\`]`);
}
