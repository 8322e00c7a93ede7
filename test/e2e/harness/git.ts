import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { run } from './process.js';

async function git(dir: string, args: string[]): Promise<string> {
  const result = await run(['git', ...args], { cwd: dir, timeoutMs: 30_000 });
  if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed in ${dir}:\n${result.stderr}`);
  return result.stdout;
}

/** Makes `dir` a clean git repository with everything in one commit, as a developer's checkout would be. */
/** `exclude` patterns go to .git/info/exclude (ignored without touching the app's .gitignore). */
export async function initRepo(dir: string, exclude: string[] = []): Promise<void> {
  await git(dir, ['init', '-q', '-b', 'main']);
  if (exclude.length) writeFileSync(path.join(dir, '.git/info/exclude'), `${exclude.join('\n')}\n`);
  await git(dir, ['config', 'user.email', 'e2e@example.test']);
  await git(dir, ['config', 'user.name', 'E2E Harness']);
  await git(dir, ['config', 'commit.gpgsign', 'false']);
  await git(dir, ['add', '-A']);
  await git(dir, ['commit', '-q', '-m', 'Initial commit']);
}

/** `git status --porcelain` of the copy: empty when the tree is clean. */
export function gitStatus(dir: string): Promise<string> {
  return git(dir, ['status', '--porcelain']);
}

/** The working tree's changes against the last commit, as a unified diff. */
export function gitDiff(dir: string): Promise<string> {
  return git(dir, ['diff', 'HEAD']);
}

/** Commits everything in the copy, as a developer does after reviewing one area's diff (the CLI wants a clean tree). */
export async function commitAll(dir: string, message: string): Promise<void> {
  await git(dir, ['add', '-A']);
  await git(dir, ['commit', '-q', '--allow-empty', '-m', message]);
}
