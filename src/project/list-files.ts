// Lists the files of a target tree without building anything for the whole tree: git's index when the
// folder is in a repository (fast, .gitignore-aware), else a walk that honours .gitignore files.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Folders that never hold the app's own source: dependencies, build output, vendored code. */
export const IGNORED_DIRS = new Set([
  'node_modules', '.git', '.next', '.nuxt', '.output', '.svelte-kit', '.turbo', '.vercel', '.yarn', '.pnpm-store',
  'dist', 'build', 'out', 'coverage', 'vendor', '.cache', 'tmp',
]);

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

// One test per path (listings hold tens of thousands): any part of the path named like an IGNORED_DIRS entry.
const IGNORED_PART = new RegExp(`(?:^|/)(?:${[...IGNORED_DIRS].map((d) => d.replace(/\./g, '\\.')).join('|')})(?:/|$)`);

function isIgnoredPath(rel: string): boolean {
  return IGNORED_PART.test(rel);
}

export interface Listing {
  /** Relative POSIX paths of every file under the folder that is not ignored. */
  files: string[];
  /** Folders that could not be read (`EACCES`), with the reason: one odd entry never stops the listing. */
  unreadable: Array<{ path: string; reason: string }>;
  /** How the files were found: git's index (a checkout), or a walk of the folders that honours .gitignore. */
  by: 'git' | 'walk';
}

export function listFiles(dir: string): Listing {
  const out = runGit(dir, ['--cached', '--deleted', '--others', '--exclude-standard']);
  return out === null ? listFilesByWalk(dir) : finish(presentFiles(dir, parseTagged(out)), [], 'git');
}

/**
 * A listing started, not finished: the files git's index holds are known at once, while git walks the
 * folders for untracked files (and stats the tracked ones for deletions) in its own process. The caller
 * reads the tracked files meanwhile; `done` is the whole listing, the same as listFiles gives.
 */
export interface ListingInProgress {
  /** Tracked files, ignored folders left out; a few may be deleted from the work tree, which `done` leaves out. */
  tracked: string[];
  done: Promise<Listing>;
}

export function startListing(dir: string): ListingInProgress {
  // The walk starts first: it is the long part, and runs while the index is listed.
  const rest = runGitLater(dir, ['--deleted', '--others', '--exclude-standard']);
  const index = runGit(dir, ['--cached']);
  if (index === null) {
    rest.catch(() => {});
    return { tracked: [], done: Promise.resolve(listFilesByWalk(dir)) };
  }
  const tracked = parseTagged(index);
  return {
    tracked: tracked.present.filter((f) => !isIgnoredPath(f)),
    done: rest.then(
      (out) => {
        const more = parseTagged(out);
        return finish(presentFiles(dir, { present: tracked.present, deleted: more.deleted, sparse: tracked.sparse, untracked: more.untracked }), [], 'git');
      },
      // git could list the index but not walk the folders: the walk gives the whole listing instead.
      () => listFilesByWalk(dir),
    ),
  };
}

function listFilesByWalk(dir: string): Listing {
  const unreadable: Listing['unreadable'] = [];
  return finish(listWithWalk(dir, unreadable), unreadable, 'walk');
}

function finish(files: string[], unreadable: Listing['unreadable'], by: Listing['by']): Listing {
  return { files: files.filter((f) => !isIgnoredPath(f)).sort(), unreadable, by };
}

const GIT_LS_FILES = ['ls-files', '-z', '-t'];

function runGit(dir: string, args: string[]): string | null {
  try {
    return execFileSync('git', [...GIT_LS_FILES, ...args, '--', '.'], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

function runGitLater(dir: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...GIT_LS_FILES, ...args, '--', '.'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(new Error(`git ls-files exited with ${code}`))));
  });
}

/** `git ls-files -t` entries by tag. */
interface TaggedEntries {
  /** H, C, M, K: tracked and present (C modified, M unmerged, K in the way of a folder: all on disk). */
  present: string[];
  /** R: tracked but deleted from the work tree (listed again, as H, by --cached). */
  deleted: Set<string>;
  /** S: skip-worktree, absent in a sparse checkout unless put back by hand. */
  sparse: string[];
  /** ?: untracked and not ignored. */
  untracked: string[];
}

function parseTagged(out: string): TaggedEntries {
  const entries: TaggedEntries = { present: [], deleted: new Set(), sparse: [], untracked: [] };
  for (const entry of out.split('\0')) {
    if (entry.length < 3) continue;
    const path = entry.slice(2);
    const tag = entry[0];
    if (tag === 'R') entries.deleted.add(path);
    else if (tag === 'S') entries.sparse.push(path);
    else if (tag === '?') entries.untracked.push(path);
    else entries.present.push(path);
  }
  return entries;
}

/** What is on disk: git says which tracked files were deleted; only skip-worktree ones are looked for. */
function presentFiles(dir: string, entries: TaggedEntries): string[] {
  const files = entries.deleted.size ? entries.present.filter((f) => !entries.deleted.has(f)) : [...entries.present];
  for (const f of entries.sparse) if (existsSync(join(dir, f))) files.push(f);
  return [...new Set([...files, ...entries.untracked])];
}

/** One .gitignore's rules and the folder they are relative to (root-relative, with a trailing slash; '' at the root). */
interface Rules {
  base: string;
  ignore: Ignore;
}

function listWithWalk(root: string, unreadable: Listing['unreadable']): string[] {
  const out: string[] = [];
  // `rel` is the folder's root-relative POSIX path, built as the walk goes down (no path.relative per entry).
  const walk = (dir: string, rel: string, rules: Rules[]) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ path: `${rel || '.'}/`, reason: `folder cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    // The folder's own listing says whether it has a .gitignore (no extra file-system call per folder).
    const here = entries.some((e) => e.name === '.gitignore') ? readGitignore(join(dir, '.gitignore')) : null;
    const active = here ? [...rules, { base: rel ? `${rel}/` : '', ignore: here }] : rules;
    for (const entry of entries) {
      if (IGNORED_DIRS.has(entry.name)) continue;
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      const isDir = entry.isDirectory();
      if (active.length && isGitIgnored(active, isDir ? `${path}/` : path)) continue;
      if (isDir) walk(join(dir, entry.name), path, active);
      // Not only plain files: a FIFO or socket named like a source is listed, so reading it says what it is.
      else out.push(path);
    }
  };
  walk(root, '', []);
  return out;
}

/**
 * As git decides: each .gitignore's patterns are relative to its own folder, and the deepest file with a
 * pattern matching the path wins (its `!pattern` re-includes what a shallower one ignored). Parent folders
 * need no test: the walk never enters an ignored one.
 */
function isGitIgnored(rules: Rules[], path: string): boolean {
  for (let i = rules.length - 1; i >= 0; i--) {
    const { base, ignore } = rules[i];
    const verdict = ignore.test(path.slice(base.length));
    if (verdict.ignored || verdict.unignored) return verdict.ignored;
  }
  return false;
}

/** A .gitignore's rules (the `ignore` package parses comments, escapes and negations as git does). */
function readGitignore(file: string): Ignore | null {
  try {
    return ignore().add(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}
