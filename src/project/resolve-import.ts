// Resolves an import specifier written in the app to one of the project's source files: relative paths,
// tsconfig aliases, extension-less and `.js`-for-`.ts` spellings, folder index files.
import { posix } from 'node:path';
import type { Project } from './project.js';

export interface ResolveContext {
  project: Project;
  /** Package folder relative to the project (`.` for the root). */
  pkgPath: string;
  aliases: Record<string, string[]>;
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const JS_TO_TS: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

export function resolveImport(ctx: ResolveContext, fromFile: string, specifier: string): string | null {
  for (const base of candidateBases(ctx, fromFile, specifier)) {
    const hit = probe(ctx.project, base);
    if (hit) return hit;
  }
  return null;
}

function candidateBases(ctx: ResolveContext, fromFile: string, specifier: string): string[] {
  if (specifier.startsWith('./') || specifier.startsWith('../')) return [posix.normalize(posix.join(posix.dirname(fromFile), specifier))];
  const out: string[] = [];
  for (const [pattern, targets] of Object.entries(ctx.aliases)) {
    const star = pattern.indexOf('*');
    let rest: string | null = null;
    if (star === -1) rest = specifier === pattern ? '' : null;
    else if (specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1))) {
      rest = specifier.slice(star, specifier.length - (pattern.length - star - 1));
    }
    if (rest === null) continue;
    for (const target of targets) out.push(posix.normalize(posix.join(ctx.pkgPath, target.replace('*', rest))));
  }
  return out;
}

function probe(project: Project, base: string): string | null {
  const has = (p: string) => project.sources.has(p);
  if (has(base)) return base;
  const ext = posix.extname(base);
  for (const alt of JS_TO_TS[ext] ?? []) {
    const swapped = base.slice(0, -ext.length) + alt;
    if (has(swapped)) return swapped;
  }
  for (const e of EXTENSIONS) if (has(base + e)) return base + e;
  for (const e of EXTENSIONS) if (has(`${base}/index${e}`)) return `${base}/index${e}`;
  return null;
}
