// Writes a plan's files all-or-nothing. Every file is first written to a temp file beside it; then, file by
// file, the original is renamed aside (kept, byte for byte) and the temp file renamed into place. Only when
// every file has landed are the originals deleted. Any failure puts each original back by rename; a file
// that cannot be put back is named in the error, never passed over. Never follows a symlink, never leaves
// the tree, and compares bytes (not decoded text) to tell that a file changed since planning.
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { FileChange } from '../plan/types.js';

export class WriteError extends Error {
  constructor(
    message: string,
    /** Files left in a state other than before the run (empty when everything was restored). */
    readonly unrestored: string[] = [],
  ) {
    super(message);
  }
}

/** The file operations the writer uses: node:fs, or a test's stand-in that fails where it is told to. */
export type WriterFs = Pick<typeof nodeFs, 'existsSync' | 'lstatSync' | 'mkdirSync' | 'readFileSync' | 'realpathSync' | 'renameSync' | 'rmdirSync' | 'statSync' | 'unlinkSync' | 'writeFileSync'>;

interface Staged {
  change: FileChange;
  path: string;
  target: string;
  temp: string;
  /** Where the original was renamed aside, once it was. */
  backup: string | null;
  /** The new content is in place. */
  landed: boolean;
}

export function writeChanges(dir: string, changes: FileChange[], fs: WriterFs = nodeFs): void {
  const root = fs.realpathSync(resolve(dir));
  const seen = new Set<string>();
  for (const change of changes) {
    // Two changes to one file would silently drop the first: a planning bug, refused before anything is written.
    const key = resolve(root, change.path);
    if (seen.has(key)) throw new WriteError(`nothing was written: the plan changes ${change.path} twice`);
    seen.add(key);
  }
  const createdDirs: string[] = [];
  const staged: Staged[] = [];
  try {
    for (const change of changes) {
      const target = checkedTarget(fs, root, change);
      createdDirs.push(...ensureDir(fs, root, dirname(target)));
      const temp = `${target}.billing-codemod-${randomBytes(4).toString('hex')}.tmp`;
      const mode = fs.existsSync(target) ? fs.statSync(target).mode : undefined;
      fs.writeFileSync(temp, change.after, { mode });
      staged.push({ change, path: change.path, target, temp, backup: null, landed: false });
    }
    for (const s of staged) {
      if (s.change.action === 'modify') {
        const backup = `${s.target}.billing-codemod-${randomBytes(4).toString('hex')}.orig`;
        fs.renameSync(s.target, backup);
        s.backup = backup;
      }
      fs.renameSync(s.temp, s.target);
      s.landed = true;
    }
  } catch (error) {
    const unrestored = rollBack(fs, staged, createdDirs);
    if (unrestored.length) {
      const reason = error instanceof WriteError ? error.message : describe(error);
      throw new WriteError(`the write failed (${reason}) and these files could not be put back as they were: ${unrestored.join(', ')}`, unrestored);
    }
    throw error instanceof WriteError ? error : new WriteError(`nothing was written: ${describe(error)}`);
  }
  // Everything landed: the originals kept aside are no longer needed.
  for (const s of staged) {
    if (!s.backup) continue;
    try {
      fs.unlinkSync(s.backup);
    } catch {
      // A leftover .orig copy is harmless; the new content is in place.
    }
  }
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code === 'EISDIR' ? `${e.path ?? 'a target'} is a directory` : e.message;
}

/** The absolute target of a change, refusing symlinks, folders, paths outside the tree and files changed since planning. */
function checkedTarget(fs: WriterFs, root: string, change: FileChange): string {
  const target = resolve(root, change.path);
  if (!isInside(root, target)) throw new WriteError(`refusing to write outside the project: ${change.path}`);
  const stat = lstat(fs, target);
  if (stat) {
    if (stat.isSymbolicLink()) throw new WriteError(`refusing to write through a symlink: ${change.path}`);
    if (stat.isDirectory()) throw new WriteError(`${change.path} is a directory now, not a file: nothing was written`);
    if (!stat.isFile()) throw new WriteError(`${change.path} is not a regular file: nothing was written`);
    if (change.action === 'create') throw new WriteError(`${change.path} appeared since the plan was made; run again`);
    const now = fs.readFileSync(target);
    if (change.before === null || !now.equals(Buffer.from(change.before, 'utf8'))) throw new WriteError(`${change.path} changed since the plan was made; run again`);
  } else if (change.action === 'modify') {
    throw new WriteError(`${change.path} disappeared since the plan was made; run again`);
  }
  // The nearest existing folder must itself resolve inside the tree (no symlinked folder out).
  let existing = dirname(target);
  while (!fs.existsSync(existing)) existing = dirname(existing);
  if (!isInside(root, fs.realpathSync(existing))) throw new WriteError(`refusing to write outside the project: ${change.path}`);
  return target;
}

function lstat(fs: WriterFs, path: string): nodeFs.Stats | null {
  try {
    return fs.lstatSync(path);
  } catch {
    return null;
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** Creates missing folders, returning the ones it made (deepest last) so a rollback can remove them. */
function ensureDir(fs: WriterFs, root: string, dir: string): string[] {
  const missing: string[] = [];
  for (let d = dir; !fs.existsSync(d) && d.startsWith(root); d = dirname(d)) missing.unshift(d);
  for (const d of missing) fs.mkdirSync(d);
  return missing;
}

/** Puts every original back (by rename: the same bytes, mode and inode); returns the paths it could not. */
function rollBack(fs: WriterFs, staged: Staged[], createdDirs: string[]): string[] {
  const unrestored: string[] = [];
  for (const s of [...staged].reverse()) {
    try {
      if (!s.landed && fs.existsSync(s.temp)) fs.unlinkSync(s.temp);
      if (s.landed && s.change.action === 'create') fs.unlinkSync(s.target);
      if (s.backup) fs.renameSync(s.backup, s.target);
    } catch (error) {
      unrestored.push(`${s.path} (${(error as Error).message}${s.backup ? `; the original is kept at ${relative(dirname(s.target), s.backup)}` : ''})`);
    }
  }
  for (const d of [...createdDirs].reverse()) {
    try {
      fs.rmdirSync(d);
    } catch {
      // Not empty or already gone.
    }
  }
  return unrestored;
}
