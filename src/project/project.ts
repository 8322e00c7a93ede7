// A target tree read once: its file list, and the text of every source file that is safe to look at.
// Every later step (detection, planning) works from this record instead of touching the disk again.
import { step, stepAsync } from '../perf/steps.js';
import * as nodeFs from 'node:fs';
import { readFileSync } from 'node:fs';
import { isAscii, isUtf8 } from 'node:buffer';
import { join, relative, resolve, sep } from 'node:path';
import { startListing, toPosix } from './list-files.js';

// .ts .tsx .mts .cts .js .jsx .mjs .cjs, not type declarations (.d.ts .d.mts .d.cts): one test per listed path.
const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const DECLARATION_FILE = /\.d\.[cm]?ts$/;
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
  return SOURCE_FILE.test(path) && !DECLARATION_FILE.test(path);
}

/** The reads loadProject makes: node:fs, or a test's stand-in that fails where root would not (EACCES). */
export type ReaderFs = Pick<typeof nodeFs, 'lstatSync' | 'openSync' | 'fstatSync' | 'readSync' | 'closeSync' | 'realpathSync'>;

export async function loadProject(dir: string, fs: ReaderFs = nodeFs): Promise<Project> {
  const root = resolve(dir);
  const realRoot = fs.realpathSync(root);
  const reads = new Map<string, string | Utf8Text | { reason: string }>();
  // Every file is read into one buffer and decoded from there: a buffer per file was most of the garbage.
  const reader: Reader = { fs, root, realRoot, buffer: Buffer.allocUnsafe(MAX_BYTES + 1) };
  const readSources = (paths: string[]) =>
    step('read', () => {
      for (const path of paths) if (isSourceFile(path) && !reads.has(path)) reads.set(path, readSource(reader, path));
    });
  // The tracked files are read while git walks the folders for untracked ones, in its own process.
  const listing = step('list', () => startListing(root));
  readSources(listing.tracked);
  const { files, unreadable } = await stepAsync('list', () => listing.done);
  readSources(files);
  // Built in the listing's order (a deleted tracked file read above is not listed, so not kept).
  const sources = new SourceTexts();
  const skipped: SkippedFile[] = [...unreadable];
  for (const path of files) {
    const result = reads.get(path);
    if (typeof result === 'string') sources.set(path, result);
    else if (result instanceof Utf8Text) sources.setUndecoded(path, result);
    else if (result) skipped.push({ path, reason: result.reason });
  }
  return { dir: root, files, sources, skipped };
}

// One open that refuses a symlink (ELOOP) and never waits on a FIFO, then one fstat of what was opened: a
// plain file, nearly every one, costs open, fstat, read and close, where lstat then readFileSync cost one more
// call per file. Without O_NOFOLLOW (Windows) every file is looked at with lstat first.
const OPEN_FLAGS = nodeFs.constants.O_NOFOLLOW === undefined ? null : nodeFs.constants.O_RDONLY | nodeFs.constants.O_NOFOLLOW | (nodeFs.constants.O_NONBLOCK ?? 0);

interface Reader {
  fs: ReaderFs;
  root: string;
  realRoot: string;
  /** One byte longer than MAX_BYTES, reused for every file. */
  buffer: Buffer;
}

function readSource({ fs, root, realRoot, buffer }: Reader, path: string): string | Utf8Text | { reason: string } {
  const abs = join(root, path);
  const odd = OPEN_FLAGS === null ? readOddEntry(fs, realRoot, abs) : null;
  if (odd) return odd;
  let fd: number;
  try {
    fd = fs.openSync(abs, OPEN_FLAGS ?? 'r');
  } catch (error) {
    // A symlink, a socket, a file that went away or may not be read: said as lstat sees it.
    return (OPEN_FLAGS === null ? null : readOddEntry(fs, realRoot, abs)) ?? { reason: `cannot be read (${errorCode(error)})` };
  }
  return readOpened(fs, path, fd, buffer);
}

/** Why an entry that is not a plain file is not read, or null for a plain file. */
function readOddEntry(fs: ReaderFs, realRoot: string, abs: string): { reason: string } | null {
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
  return notAFile(stat);
}

/** Why an entry is not read as a file (a folder, a FIFO, socket or device), or null for a file. */
function notAFile(stat: nodeFs.Stats): { reason: string } | null {
  if (stat.isDirectory()) return { reason: 'a folder where a file was expected' };
  if (!stat.isFile()) return { reason: 'not a regular file (a FIFO, socket or device)' };
  return null;
}

// A plain file is read to its end with no fstat: the read tells its size, one byte past the limit that it is
// too big (an fstat made a Stats object with four Dates for every file). What reads nothing, fails or goes
// past the limit is looked at with fstat: an empty file, a folder (EISDIR), a FIFO (ESPIPE), a device.
function readOpened(fs: ReaderFs, path: string, fd: number, buffer: Buffer): string | Utf8Text | { reason: string } {
  let bytes: Buffer;
  try {
    let read = 0;
    try {
      for (let n = -1; read < buffer.length && n !== 0; read += n) n = fs.readSync(fd, buffer, read, buffer.length - read, read);
    } catch (error) {
      return notAFile(fs.fstatSync(fd)) ?? { reason: `cannot be read (${errorCode(error)})` };
    }
    if (read === 0 || read > MAX_BYTES) {
      const stat = fs.fstatSync(fd);
      const odd = notAFile(stat);
      if (odd) return odd;
      if (read > MAX_BYTES) return { reason: `larger than 1 MiB (${Math.max(stat.size, read)} bytes)` };
    }
    if (/\.(min|bundle)\.[cm]?js$/.test(path)) return { reason: 'minified or bundled code' };
    bytes = buffer.subarray(0, read);
  } catch (error) {
    return { reason: `cannot be read (${errorCode(error)})` };
  } finally {
    fs.closeSync(fd);
  }
  if (bytes.includes(0)) return { reason: 'binary content' };
  if (isAscii(bytes)) {
    const text = bytes.toString('latin1');
    return hasLineLongerThan(text, MAX_LINE) ? { reason: MINIFIED } : text;
  }
  if (!isUtf8(bytes)) return { reason: 'not valid UTF-8 (left as it is: editing it would change bytes this tool never touched)' };
  const undecoded = new Utf8Text(bytes.toString('latin1'));
  // A line of more bytes than the limit may still be shorter in characters: then the text decides.
  return hasLineLongerThan(undecoded.bytes, MAX_LINE) && hasLineLongerThan(undecoded.decode(), MAX_LINE) ? { reason: MINIFIED } : undecoded;
}

const MINIFIED = `minified or bundled code (a line over ${MAX_LINE} characters)`;

/** A valid UTF-8 file's bytes, held as a one-byte string (one byte per character), decoded when first read. */
class Utf8Text {
  constructor(readonly bytes: string) {}
  decode(): string {
    return Buffer.from(this.bytes, 'latin1').toString('utf8');
  }
}

/**
 * Source texts by path. A file that is not plain ASCII is decoded when its text is first asked for: most files
 * of a monorepo are never looked at (other packages, tests), and decoding into two-byte strings was most of
 * the time reading them took, and garbage. The bytes were checked to be UTF-8 when read.
 */
export class SourceTexts extends Map<string, string> {
  readonly #undecoded = new Map<string, Utf8Text>();

  setUndecoded(path: string, text: Utf8Text): void {
    super.set(path, '');
    this.#undecoded.set(path, text);
  }

  override set(path: string, text: string): this {
    this.#undecoded.delete(path);
    return super.set(path, text);
  }

  override delete(path: string): boolean {
    this.#undecoded.delete(path);
    return super.delete(path);
  }

  override clear(): void {
    this.#undecoded.clear();
    super.clear();
  }

  override get(path: string): string | undefined {
    const undecoded = this.#undecoded.get(path);
    if (!undecoded) return super.get(path);
    const text = undecoded.decode();
    this.set(path, text);
    return text;
  }

  override *entries(): MapIterator<[string, string]> {
    for (const path of super.keys()) yield [path, this.get(path) as string];
  }

  override *values(): MapIterator<string> {
    for (const path of super.keys()) yield this.get(path) as string;
  }

  override [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }

  override forEach(callback: (text: string, path: string, map: Map<string, string>) => void, thisArg?: unknown): void {
    for (const [path, text] of this.entries()) callback.call(thisArg, text, path, this);
  }
}

/**
 * Strict UTF-8: null for invalid bytes (a Latin-1 comment), which a lenient decode would turn into
 * replacement characters written back over lines never edited. A BOM is kept as U+FEFF, so it is written back.
 */
export function decodeUtf8(bytes: Buffer): string | null {
  // Most source files are ASCII, which needs no decoding; the rest is checked first, as sources are.
  if (isAscii(bytes)) return bytes.toString('latin1');
  return isUtf8(bytes) ? bytes.toString('utf8') : null;
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/**
 * Whether a line (without its newline) is longer than `max`. From each line's start, the last newline within
 * `max` characters is found looking back from the farthest point, so a file of short lines is crossed in
 * steps of ~`max` characters, looking only at the end of each step (was a search for every newline).
 */
export function hasLineLongerThan(text: string, max: number): boolean {
  for (let start = 0; text.length - start > max; ) {
    const newline = text.lastIndexOf('\n', start + max);
    if (newline < start) return true;
    start = newline + 1;
  }
  return false;
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
