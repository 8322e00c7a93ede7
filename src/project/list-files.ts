// Lists the files of a target tree without building anything for the whole tree: git's index when the
// folder is in a repository (fast, .gitignore-aware), else a walk that honours .gitignore files.
import { execFileSync } from 'node:child_process';
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

function isIgnoredPath(rel: string): boolean {
  return rel.split('/').some((part) => IGNORED_DIRS.has(part));
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
  const unreadable: Listing['unreadable'] = [];
  const fromGit = listWithGit(dir);
  const files = fromGit ?? listWithWalk(dir, unreadable);
  return { files: files.filter((f) => !isIgnoredPath(f)).sort(), unreadable, by: fromGit ? 'git' : 'walk' };
}

function listWithGit(dir: string): string[] | null {
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '.'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    // Deleted-but-tracked files are still listed by --cached; keep only what exists.
    return out.split('\0').filter((f) => f && existsSync(join(dir, f)));
  } catch {
    return null;
  }
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
