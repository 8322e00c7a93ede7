// Lists the files of a target tree without building anything for the whole tree: git's index when the
// folder is in a repository (fast, .gitignore-aware), else a walk that honours .gitignore files.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
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
}

export function listFiles(dir: string): Listing {
  const unreadable: Listing['unreadable'] = [];
  const files = listWithGit(dir) ?? listWithWalk(dir, unreadable);
  return { files: files.filter((f) => !isIgnoredPath(f)).sort(), unreadable };
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

function listWithWalk(root: string, unreadable: Listing['unreadable']): string[] {
  const out: string[] = [];
  const walk = (dir: string, rules: Ignore[]) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ path: `${toPosix(relative(root, dir)) || '.'}/`, reason: `folder cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    // The folder's own listing says whether it has a .gitignore (no extra file-system call per folder).
    const here = entries.some((e) => e.name === '.gitignore') ? readGitignore(root, dir) : null;
    const active = here ? [...rules, here] : rules;
    for (const entry of entries) {
      if (IGNORED_DIRS.has(entry.name)) continue;
      const abs = join(dir, entry.name);
      const rel = toPosix(relative(root, abs));
      const probe = entry.isDirectory() ? `${rel}/` : rel;
      if (active.some((r) => r.ignores(probe))) continue;
      if (entry.isDirectory()) walk(abs, active);
      // Not only plain files: a FIFO or socket named like a source is listed, so reading it says what it is.
      else out.push(rel);
    }
  };
  walk(root, []);
  return out;
}

/** A .gitignore's rules re-rooted at `root`, so every rule can be tested against root-relative paths. */
function readGitignore(root: string, dir: string): Ignore | null {
  const file = join(dir, '.gitignore');
  const prefix = toPosix(relative(root, dir));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim() && !l.startsWith('#'));
  const rebased = prefix
    ? lines.map((l) => {
        const neg = l.startsWith('!') ? '!' : '';
        const body = neg ? l.slice(1) : l;
        const anchored = body.startsWith('/') ? body.slice(1) : body.includes('/') && !body.endsWith('/') ? body : `**/${body}`;
        return `${neg}${prefix}/${anchored}`;
      })
    : lines;
  return ignore().add(rebased);
}
