// Makes sure local env files (which hold the real key) are git-ignored, every variant of them (`.env`,
// `.env.local`, `.env.production`, ...), without ignoring the app's example file. A file git already tracks
// is not protected by any ignore rule: that is said, with the step that untracks it.
import ignore from 'ignore';
import { posix } from 'node:path';
import { createFile, modifyFile } from '../../plan/file-change.js';
import type { FileChange, ManualStep } from '../../plan/types.js';

/** Env files that must be ignored whether or not they exist yet, and the pattern that ignores each kind. */
const MUST_IGNORE: Array<[file: string, pattern: string]> = [
  ['.env', '.env'],
  ['.env.local', '.env.*'],
  ['.env.production', '.env.*'],
  ['.env.development.local', '.env.*'],
];
const COMMENT = '# Local env files hold secrets such as CREDYT_API_KEY (added by billing-codemod)';

export interface GitignorePlan {
  change: FileChange | null;
  /** Env files git tracks: ignoring them does nothing until they are untracked. */
  tracked: ManualStep[];
}

/**
 * The .gitignore change so the package's env files are ignored and its example file is not (`example` is
 * the example file's name in the package), or null when the package's or the repository root's .gitignore
 * already does both. `trackedEnvFiles` are env files git tracks (package-relative names).
 */
export function planGitignore(pkgPath: string, readFile: (path: string) => string | null, example: string, trackedEnvFiles: string[] = []): GitignorePlan {
  const own = pkgPath === '.' ? '.gitignore' : posix.join(pkgPath, '.gitignore');
  const ownText = readFile(own);
  const rootText = pkgPath === '.' ? null : readFile('.gitignore');
  const prefix = pkgPath === '.' ? '' : `${pkgPath}/`;
  const ignored = (name: string, extra: string[]) => {
    const ownRules = ignore().add(ownText ?? '').add(extra);
    return ownRules.ignores(name) || (rootText !== null && ignore().add(rootText).ignores(prefix + name));
  };
  const added = [...new Set(MUST_IGNORE.filter(([file]) => !ignored(file, [])).map(([, pattern]) => pattern))];
  // `.env*` or `.env.*` also matches the example: it must stay in git, so it is let through by name.
  if (ignored(example, added)) added.push(`!${example}`);
  const tracked = trackedEnvFiles
    .filter((name) => name !== example)
    .map((name) => ({
      path: prefix + name,
      message: `${prefix + name} is tracked by git, so ignoring it does nothing: untrack it (git rm --cached ${prefix + name}), commit, and rotate any key it held`,
      snippet: `git rm --cached ${prefix + name}`,
    }));
  if (added.length === 0) return { change: null, tracked };
  const block = `${[COMMENT, ...added].join('\n')}\n`;
  if (ownText === null) return { change: createFile(own, block), tracked };
  return { change: modifyFile(own, ownText, (text) => `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${text.trim() ? '\n' : ''}${block}`), tracked };
}
