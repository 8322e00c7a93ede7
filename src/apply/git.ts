// The git check before writing: a dirty tree would mix the user's edits with ours in one diff.
import { execFileSync } from 'node:child_process';

/** Changed or untracked files under `dir` (git's own paths), or null when `dir` is not in a git repository. */
export function dirtyFiles(dir: string): string[] | null {
  try {
    execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: dir, stdio: 'ignore' });
  } catch {
    return null;
  }
  const out = execFileSync('git', ['status', '--porcelain=v1', '-z', '--', '.'], { cwd: dir, encoding: 'utf8' });
  const files: string[] = [];
  const entries = out.split('\0');
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (!entry) continue;
    files.push(entry.slice(3));
    // A rename lists its source as the next entry.
    if (entry[0] === 'R' || entry[0] === 'C') i++;
  }
  return files;
}

/** The repository's top folder, or null outside git. dirtyFiles' paths are relative to it. */
export function gitTop(dir: string): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** Which of `names` (files of the package folder `pkgPath`) git tracks; none outside git. */
export function trackedFiles(dir: string, pkgPath: string, names: string[]): string[] {
  if (names.length === 0) return [];
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--', ...names], { cwd: `${dir}/${pkgPath}`, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.split('\0').filter(Boolean);
  } catch {
    return [];
  }
}
