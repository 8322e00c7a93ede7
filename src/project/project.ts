// A target tree read once: its file list, and the text of every source file that is safe to look at.
// Every later step (detection, planning) works from this record instead of touching the disk again.
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { listFiles } from './list-files.js';

export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const MAX_BYTES = 1024 * 1024;
const MAX_LINE = 2000;

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface Project {
  /** Absolute path of the target folder. */
  dir: string;
  /** Every listed file, relative POSIX paths (sources and the rest: package.json, tsconfig, lockfiles). */
  files: string[];
  /** Text of each readable source file, by relative path. */
  sources: Map<string, string>;
  /** Source files left out, with the reason (too big, binary, minified, symlink out of the tree). */
  skipped: SkippedFile[];
}

export function isSourceFile(path: string): boolean {
  if (path.endsWith('.d.ts') || path.endsWith('.d.mts') || path.endsWith('.d.cts')) return false;
  return SOURCE_EXTENSIONS.some((ext) => path.endsWith(ext));
}

export function loadProject(dir: string): Project {
  const root = resolve(dir);
  const realRoot = realpathSync(root);
  const files = listFiles(root);
  const sources = new Map<string, string>();
  const skipped: SkippedFile[] = [];
  for (const path of files) {
    if (!isSourceFile(path)) continue;
    const result = readSource(root, realRoot, path);
    if (typeof result === 'string') sources.set(path, result);
    else skipped.push({ path, reason: result.reason });
  }
  return { dir: root, files, sources, skipped };
}

function readSource(root: string, realRoot: string, path: string): string | { reason: string } {
  const abs = join(root, path);
  let stat;
  try {
    stat = lstatSync(abs);
  } catch {
    return { reason: 'cannot be read' };
  }
  if (stat.isSymbolicLink()) {
    const target = realpathSync(abs);
    if (target !== realRoot && !target.startsWith(realRoot + sep)) return { reason: 'symlink pointing outside the project' };
    stat = lstatSync(target);
  }
  if (stat.size > MAX_BYTES) return { reason: `larger than 1 MiB (${stat.size} bytes)` };
  if (/\.(min|bundle)\.[cm]?js$/.test(path)) return { reason: 'minified or bundled code' };
  const text = readFileSync(abs, 'utf8');
  if (text.includes('\u0000')) return { reason: 'binary content' };
  if (longestLine(text) > MAX_LINE) return { reason: `minified or bundled code (a line over ${MAX_LINE} characters)` };
  return text;
}

function longestLine(text: string): number {
  let longest = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', start)) {
    if (i - start > longest) longest = i - start;
    start = i + 1;
  }
  return Math.max(longest, text.length - start);
}

/** Reads any file of the project (package.json, tsconfig...), or null when absent or unreadable. */
export function readProjectFile(project: Project, path: string): string | null {
  const cached = project.sources.get(path);
  if (cached !== undefined) return cached;
  try {
    return readFileSync(join(project.dir, path), 'utf8');
  } catch {
    return null;
  }
}

/** Source files under a package folder (`.` for the root), as [path, text] pairs. */
export function sourcesUnder(project: Project, pkgPath: string): Array<[string, string]> {
  const prefix = pkgPath === '.' ? '' : `${pkgPath}/`;
  return [...project.sources].filter(([p]) => p.startsWith(prefix));
}
