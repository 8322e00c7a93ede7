// Makes sure local env files (which hold the real key) are git-ignored, without ignoring the example file.
import ignore from 'ignore';
import { posix } from 'node:path';
import { createFile, modifyFile } from '../../plan/file-change.js';
import type { FileChange } from '../../plan/types.js';

/** Each env file that must be ignored, with the pattern that ignores it. */
const RULES: Array<[file: string, pattern: string]> = [
  ['.env', '.env'],
  ['.env.local', '.env*.local'],
];
const COMMENT = '# Local env files hold secrets such as CREDYT_API_KEY (added by billing-codemod)';

/**
 * The .gitignore change needed so `.env` and `.env.local` in the package are ignored, or null when the
 * package's or the repository root's .gitignore already covers them.
 */
export function planGitignore(pkgPath: string, readFile: (path: string) => string | null): FileChange | null {
  const own = pkgPath === '.' ? '.gitignore' : posix.join(pkgPath, '.gitignore');
  const ownText = readFile(own);
  const rootText = pkgPath === '.' ? null : readFile('.gitignore');
  const prefix = pkgPath === '.' ? '' : `${pkgPath}/`;
  const covered = (name: string) =>
    (ownText !== null && ignore().add(ownText).ignores(name)) || (rootText !== null && ignore().add(rootText).ignores(prefix + name));
  const missing = RULES.filter(([file]) => !covered(file)).map(([, pattern]) => pattern);
  if (missing.length === 0) return null;
  const block = `${[COMMENT, ...missing].join('\n')}\n`;
  if (ownText === null) return createFile(own, block);
  return modifyFile(own, ownText, (text) => `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${text.trim() ? '\n' : ''}${block}`);
}
