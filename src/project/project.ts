// A target tree read once: its file list, and the text of every source file that is safe to look at.
// Every later step (detection, planning) works from this record instead of touching the disk again.
import { step } from '../perf/steps.js';
import * as nodeFs from 'node:fs';
import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { listFiles, toPosix } from './list-files.js';

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

/** The reads loadProject makes: node:fs, or a test's stand-in that fails where root would not (EACCES). */
export type ReaderFs = Pick<typeof nodeFs, 'lstatSync' | 'readFileSync' | 'realpathSync'>;

export function loadProject(dir: string, fs: ReaderFs = nodeFs): Project {
  const root = resolve(dir);
  const realRoot = fs.realpathSync(root);
  const { files, unreadable } = step('list', () => listFiles(root));
  const sources = new Map<string, string>();
  const skipped: SkippedFile[] = [...unreadable];
  step('read', () => {
    for (const path of files) {
      if (!isSourceFile(path)) continue;
      const result = readSource(fs, root, realRoot, path);
      if (typeof result === 'string') sources.set(path, result);
      else skipped.push({ path, reason: result.reason });
    }
  });
  return { dir: root, files, sources, skipped };
}

function readSource(fs: ReaderFs, root: string, realRoot: string, path: string): string | { reason: string } {
  const abs = join(root, path);
  let stat;
  try {
    stat = fs.lstatSync(abs);
  } catch (error) {
    return { reason: `cannot be read (${errorCode(error)})` };
  }
  if (stat.isSymbolicLink()) {
    let target: string;
    try {
      target = fs.realpathSync(abs);
    } catch {
      return { reason: 'a dangling symlink (what it points to does not exist)' };
    }
    if (target !== realRoot && !target.startsWith(realRoot + sep)) return { reason: 'symlink pointing outside the project' };
    // Read (and edited) once, under its own path: a plan may not change one file through two names.
    return { reason: `a symlink to ${toPosix(relative(realRoot, target))}, which is read under its own path` };
  }
  if (stat.isDirectory()) return { reason: 'a folder where a file was expected' };
  if (!stat.isFile()) return { reason: 'not a regular file (a FIFO, socket or device)' };
  if (stat.size > MAX_BYTES) return { reason: `larger than 1 MiB (${stat.size} bytes)` };
  if (/\.(min|bundle)\.[cm]?js$/.test(path)) return { reason: 'minified or bundled code' };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(abs);
  } catch (error) {
    return { reason: `cannot be read (${errorCode(error)})` };
  }
  if (bytes.includes(0)) return { reason: 'binary content' };
  const text = decodeUtf8(bytes);
  if (text === null) return { reason: 'not valid UTF-8 (left as it is: editing it would change bytes this tool never touched)' };
  if (longestLine(text) > MAX_LINE) return { reason: `minified or bundled code (a line over ${MAX_LINE} characters)` };
  return text;
}

/**
 * Strict UTF-8: null for invalid bytes (a Latin-1 comment), which a lenient decode would turn into
 * replacement characters written back over lines never edited. A BOM is kept as U+FEFF, so it is written back.
 */
export function decodeUtf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
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

/** Reads any file of the project (package.json, tsconfig...), or null when absent, unreadable or not UTF-8. */
export function readProjectFile(project: Project, path: string): string | null {
  const cached = project.sources.get(path);
  if (cached !== undefined) return cached;
  try {
    return decodeUtf8(readFileSync(join(project.dir, path)));
  } catch {
    return null;
  }
}

/** Source files under a package folder (`.` for the root), as [path, text] pairs. */
export function sourcesUnder(project: Project, pkgPath: string): Array<[string, string]> {
  const prefix = pkgPath === '.' ? '' : `${pkgPath}/`;
  return [...project.sources].filter(([p]) => p.startsWith(prefix));
}
