// Writes a plan's files all-or-nothing: every file is first written to a temp file beside it, then all are
// renamed into place; any failure restores what was there. Never follows a symlink, never leaves the tree.
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { FileChange } from '../plan/types.js';

export class WriteError extends Error {}

interface Staged {
  change: FileChange;
  target: string;
  temp: string;
  committed: boolean;
}

export function writeChanges(dir: string, changes: FileChange[]): void {
  const root = realpathSync(resolve(dir));
  const createdDirs: string[] = [];
  const staged: Staged[] = [];
  // Two changes to one file would silently drop the first: a planning bug, refused before anything is written.
  const seen = new Set<string>();
  for (const change of changes) {
    const key = resolve(root, change.path);
    if (seen.has(key)) throw new WriteError(`nothing was written: the plan changes ${change.path} twice`);
    seen.add(key);
  }
  try {
    for (const change of changes) {
      const target = checkedTarget(root, change);
      createdDirs.push(...ensureDir(root, dirname(target)));
      const temp = `${target}.billing-codemod-${randomBytes(4).toString('hex')}.tmp`;
      const mode = existsSync(target) ? statSync(target).mode : undefined;
      writeFileSync(temp, change.after, { mode });
      staged.push({ change, target, temp, committed: false });
    }
    for (const s of staged) {
      renameSync(s.temp, s.target);
      s.committed = true;
    }
  } catch (error) {
    rollBack(staged, createdDirs);
    throw error instanceof WriteError ? error : new WriteError(`nothing was written: ${(error as Error).message}`);
  }
}

/** The absolute target of a change, refusing symlinks, paths outside the tree and files changed since planning. */
function checkedTarget(root: string, change: FileChange): string {
  const target = resolve(root, change.path);
  if (!isInside(root, target)) throw new WriteError(`refusing to write outside the project: ${change.path}`);
  if (existsSync(target) || isSymlink(target)) {
    if (isSymlink(target)) throw new WriteError(`refusing to write through a symlink: ${change.path}`);
    if (change.action === 'create') throw new WriteError(`${change.path} appeared since the plan was made; run again`);
    if (readFileSync(target, 'utf8') !== change.before) throw new WriteError(`${change.path} changed since the plan was made; run again`);
  } else if (change.action === 'modify') {
    throw new WriteError(`${change.path} disappeared since the plan was made; run again`);
  }
  // The nearest existing folder must itself resolve inside the tree (no symlinked folder out).
  let existing = dirname(target);
  while (!existsSync(existing)) existing = dirname(existing);
  if (!isInside(root, realpathSync(existing))) throw new WriteError(`refusing to write outside the project: ${change.path}`);
  return target;
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** Creates missing folders, returning the ones it made (deepest last) so a rollback can remove them. */
function ensureDir(root: string, dir: string): string[] {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d) && d.startsWith(root); d = dirname(d)) missing.unshift(d);
  for (const d of missing) mkdirSync(d);
  return missing;
}

function rollBack(staged: Staged[], createdDirs: string[]): void {
  for (const s of staged) {
    try {
      if (!s.committed) unlinkSync(s.temp);
      else if (s.change.before === null) unlinkSync(s.target);
      else writeFileSync(s.target, s.change.before);
    } catch {
      // Best effort: keep restoring the others.
    }
  }
  for (const d of [...createdDirs].reverse()) {
    try {
      rmdirSync(d);
    } catch {
      // Not empty or already gone.
    }
  }
}
