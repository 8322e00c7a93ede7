// dirtyFiles against real repositories: what counts as uncommitted, and null outside git.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dirtyFiles } from '../../src/apply/git.js';
import { git, gitRepo } from './git-repo.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function repo(files: Record<string, string>): string {
  const dir = gitRepo(files);
  dirs.push(dir);
  return dir;
}

describe('dirtyFiles', () => {
  it('is empty for a clean tree', () => {
    expect(dirtyFiles(repo({ 'a.ts': 'a\n' }))).toEqual([]);
  });

  it('lists modified, staged, untracked, deleted and renamed files (a rename once, by its new name)', () => {
    const dir = repo({ 'a.ts': 'a\n', 'b.ts': 'b\n', 'old name.ts': 'o\n', 'gone.ts': 'g\n' });
    writeFileSync(join(dir, 'a.ts'), 'changed\n');
    writeFileSync(join(dir, 'b.ts'), 'staged\n');
    git(dir, 'add', 'b.ts');
    writeFileSync(join(dir, 'new file.ts'), 'n\n');
    git(dir, 'mv', 'old name.ts', 'renamed.ts');
    git(dir, 'rm', '-q', 'gone.ts');
    expect(dirtyFiles(dir)?.sort()).toEqual(['a.ts', 'b.ts', 'gone.ts', 'new file.ts', 'renamed.ts']);
  });

  it('looks only under the folder it is given, inside a larger repository', () => {
    const dir = repo({ 'apps/web/page.ts': 'p\n', 'apps/api/app.ts': 'a\n' });
    writeFileSync(join(dir, 'apps/api/app.ts'), 'changed\n');
    expect(dirtyFiles(join(dir, 'apps/web'))).toEqual([]);
    expect(dirtyFiles(join(dir, 'apps/api'))).toEqual(['apps/api/app.ts']);
  });

  it('ignores git-ignored files', () => {
    const dir = repo({ '.gitignore': '.env\nnode_modules/\n', 'a.ts': 'a\n' });
    writeFileSync(join(dir, '.env'), 'SECRET=1\n');
    expect(dirtyFiles(dir)).toEqual([]);
  });

  it('is null outside a git repository', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nogit-'));
    dirs.push(dir);
    expect(dirtyFiles(dir)).toBeNull();
  });
});
