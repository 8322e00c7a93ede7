// Which files of a package import a given file directly: a text test on the file's name first, then the
// candidates' imports resolved. Bounded: enough to re-check the callers of a changed signature, or to tell
// that only browser code imports a module, without reading the whole package for a file imported everywhere.
import { posix } from 'node:path';
import { collectImports } from '../ast/imports.js';
import type { PackageContext } from '../detect/package-context.js';

const LIMIT = 20;

export function importersOf(ctx: PackageContext, path: string): string[] {
  const stem = posix.basename(path).replace(/\.[cm]?[jt]sx?$/, '');
  const name = stem === 'index' ? posix.basename(posix.dirname(path)) : stem;
  const found: string[] = [];
  for (const [file, text] of ctx.sources) {
    if (file === path || !text.includes(name)) continue;
    const ast = ctx.parse(file);
    if (ast && collectImports(ast).some((i) => ctx.resolve(file, i.source) === path)) found.push(file);
    if (found.length >= LIMIT) break;
  }
  return found;
}
