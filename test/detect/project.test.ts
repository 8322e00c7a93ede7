// Reading a target tree: what is listed (git-aware, .gitignore honoured), which sources are left out and
// why (symlinks out of the tree, big, minified, binary), and how app imports resolve to files.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasLineLongerThan, loadProject, type ReaderFs } from '../../src/project/project.js';
import { listFiles } from '../../src/project/list-files.js';
import { resolveImport } from '../../src/project/resolve-import.js';
import { git, gitRepo } from '../engine/git-repo.js';
import { memoryContext, memoryProject } from './helpers.js';
import { writeTree } from './helpers-disk.js';

describe('loadProject', () => {
  it('leaves out dependencies, build output and git-ignored files, outside git', async () => {
    const dir = writeTree({
      'package.json': '{}',
      '.gitignore': 'generated/\n*.log\n',
      'src/app.ts': 'export {};\n',
      'src/generated/x.ts': 'export {};\n',
      'generated/y.ts': 'export {};\n',
      'debug.log': 'x',
      'node_modules/pkg/index.js': 'module.exports = 1;\n',
      'dist/app.js': 'x',
      'web/.gitignore': '/out-web\n',
      'web/out-web/z.js': 'x',
      'web/page.tsx': 'export {};\n',
    });
    const project = await loadProject(dir);
    expect(project.files).toEqual(['.gitignore', 'package.json', 'src/app.ts', 'web/.gitignore', 'web/page.tsx']);
    expect([...project.sources.keys()]).toEqual(['src/app.ts', 'web/page.tsx']);
  });

  it('outside git, lists what git itself would list: nested .gitignore files, anchors, negations, escapes', async () => {
    const dir = writeTree({
      '.gitignore': '# comment\n*.log\n!keep.log\ngenerated/\n/root-only.ts\na/b/\ndocs/**/*.md\n\\#hash.ts\n',
      'keep.log': 'x', 'debug.log': 'x', 'root-only.ts': 'x', 'src/root-only.ts': 'x', '#hash.ts': 'x',
      'src/generated/x.ts': 'x', 'a/b/c.ts': 'x', 'x/a/b/c.ts': 'x', 'docs/guide/intro.md': 'x', 'docs/readme.txt': 'x',
      'web/.gitignore': '/out-web\n!important.log\ntmp-*\n',
      'web/out-web/z.js': 'x', 'web/sub/out-web/z.js': 'x', 'web/important.log': 'x', 'web/other.log': 'x', 'web/tmp-1.ts': 'x', 'web/page.tsx': 'x',
      'web/sub/.gitignore': '*.ts\n!main.ts\n',
      'web/sub/main.ts': 'x', 'web/sub/util.ts': 'x', 'web/sub/view.tsx': 'x',
    });
    const walked = (await loadProject(dir)).files;
    expect(listFiles(dir).by).toBe('walk');
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const byGit = execFileSync('git', ['ls-files', '--others', '--exclude-standard'], { cwd: dir, encoding: 'utf8' }).split('\n').filter(Boolean).sort();
    expect(walked).toEqual(byGit);
    expect(listFiles(dir).by).toBe('git');
    expect(walked).toContain('web/important.log');
    expect(walked).toContain('web/sub/main.ts');
    expect(walked).not.toContain('web/sub/util.ts');
  });

  it('lists from git inside a repository, untracked files included, paths relative to the folder given', async () => {
    const repo = gitRepo({ 'apps/web/page.tsx': 'export {};\n', 'apps/web/.gitignore': 'secret.ts\n', 'README.md': '#\n' });
    writeFileSync(join(repo, 'apps/web/new.ts'), 'export {};\n');
    writeFileSync(join(repo, 'apps/web/secret.ts'), 'export {};\n');
    git(repo, 'rm', '-q', '--cached', 'README.md');
    expect((await loadProject(join(repo, 'apps/web'))).files).toEqual(['.gitignore', 'new.ts', 'page.tsx']);
  });

  it('in a checkout, keeps only what is on disk: a deleted tracked file and an absent sparse one are neither listed nor skipped', async () => {
    const repo = gitRepo({ 'src/kept.ts': 'export {};\n', 'src/gone.ts': 'export {};\n', 'src/sparse.ts': 'export {};\n', 'src/back.ts': 'export {};\n', 'vendor/x.ts': 'export {};\n' });
    rmSync(join(repo, 'src/gone.ts'));
    // Skip-worktree entries (a sparse checkout): one absent, one put back by hand.
    git(repo, 'update-index', '--skip-worktree', 'src/sparse.ts', 'src/back.ts');
    rmSync(join(repo, 'src/sparse.ts'));
    writeFileSync(join(repo, 'src/new.ts'), 'export const n = 1;\n');
    const project = await loadProject(repo);
    expect(project.files).toEqual(['src/back.ts', 'src/kept.ts', 'src/new.ts']);
    expect([...project.sources.keys()]).toEqual(['src/back.ts', 'src/kept.ts', 'src/new.ts']);
    expect(project.skipped).toEqual([]);
    // The listing read at once (the plain read's) says the same.
    expect(listFiles(repo)).toEqual({ files: project.files, unreadable: [], by: 'git' });
  });

  it('skips, with a reason, sources it must not read: symlinks out of the tree, big, minified and binary files', async () => {
    const outside = writeTree({ 'secret.ts': 'export const key = "x";\n' });
    const dir = writeTree({
      'package.json': '{}',
      'src/ok.ts': 'export {};\n',
      'src/big.js': `// ${'x'.repeat(64)}\n`.repeat(20_000),
      'src/vendor.min.js': 'var a=1;',
      'src/bundle.js': `var a=${'1+'.repeat(1500)}1;\n`,
      'src/blob.js': 'a\u0000b',
    });
    symlinkSync(join(outside, 'secret.ts'), join(dir, 'src/linked-out.ts'));
    symlinkSync(join(dir, 'src/ok.ts'), join(dir, 'src/linked-in.ts'));
    const project = await loadProject(dir);
    expect([...project.sources.keys()].sort()).toEqual(['src/ok.ts']);
    expect(Object.fromEntries(project.skipped.map((s) => [s.path, s.reason.replace(/\d+ bytes/, 'N bytes')]))).toEqual({
      'src/big.js': 'larger than 1 MiB (N bytes)',
      'src/blob.js': 'binary content',
      'src/bundle.js': 'minified or bundled code (a line over 2000 characters)',
      'src/linked-in.ts': 'a symlink to src/ok.ts, which is read under its own path',
      'src/linked-out.ts': 'symlink pointing outside the project',
      'src/vendor.min.js': 'minified or bundled code',
    });
  });

  it('reads strictly: a file with invalid UTF-8 is skipped, a BOM is kept', async () => {
    const dir = writeTree({ 'package.json': '{}' });
    writeFileSync(join(dir, 'latin1.ts'), Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from('\nexport {};\n')]));
    writeFileSync(join(dir, 'bom.ts'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('export {};\n')]));
    writeFileSync(join(dir, 'utf8.ts'), '// café, 料金 🚀\nexport {};\n');
    const project = await loadProject(dir);
    expect(project.sources.get('bom.ts')).toBe('\uFEFFexport {};\n');
    expect(project.sources.get('utf8.ts')).toBe('// café, 料金 🚀\nexport {};\n');
    expect(project.skipped).toEqual([{ path: 'latin1.ts', reason: 'not valid UTF-8 (left as it is: editing it would change bytes this tool never touched)' }]);
  });

  it('decodes a UTF-8 file when its text is first read, and gives the same text whichever way it is read', async () => {
    const text = '// café, 料金 🚀\r\nexport const yen = "¥";\n';
    const dir = writeTree({ 'package.json': '{}', 'a.ts': 'export {};\n', 'b.ts': text, 'c.ts': text });
    const project = await loadProject(dir);
    expect([...project.sources]).toEqual([['a.ts', 'export {};\n'], ['b.ts', text], ['c.ts', text]]);
    const again = await loadProject(dir);
    expect([...again.sources.values()]).toEqual(['export {};\n', text, text]);
    const seen: string[] = [];
    again.sources.forEach((value, path) => seen.push(`${path}=${value}`));
    expect(seen).toEqual(['a.ts=export {};\n', `b.ts=${text}`, `c.ts=${text}`]);
    expect(again.sources.get('c.ts')).toBe(text);
    again.sources.set('b.ts', 'edited');
    expect(again.sources.get('b.ts')).toBe('edited');
  });

  it('reads a plain file without an fstat, and looks at an empty one with it', async () => {
    const dir = writeTree({ 'package.json': '{}', 'a.ts': 'export const a = 1;\n', 'b.ts': 'export const b = 2;\n', 'empty.ts': '' });
    const statted: number[] = [];
    const reader: ReaderFs = { ...fs, fstatSync: ((fd: number) => (statted.push(fd), fs.fstatSync(fd))) as typeof fs.fstatSync };
    const project = await loadProject(dir, reader);
    expect([...project.sources.keys()].sort()).toEqual(['a.ts', 'b.ts', 'empty.ts']);
    expect(statted).toHaveLength(1);
  });

  it('measures a line in characters, not bytes: 1,000 two-byte letters on one line are no minified file', async () => {
    const line = 'é'.repeat(1500);
    const dir = writeTree({ 'package.json': '{}', 'short.ts': `// ${line}\n`, 'long.ts': `// ${line}${line}\n` });
    const project = await loadProject(dir);
    expect(project.sources.get('short.ts')).toBe(`// ${line}\n`);
    expect(project.skipped).toEqual([{ path: 'long.ts', reason: 'minified or bundled code (a line over 2000 characters)' }]);
  });

  it('goes on past odd entries: a dangling symlink, a FIFO, a folder named like a source, an unreadable file', async () => {
    const dir = writeTree({ 'package.json': '{}', 'ok.ts': 'export {};\n', 'locked.ts': 'export {};\n' });
    symlinkSync(join(dir, 'gone.ts'), join(dir, 'dangling.ts'));
    execFileSync('mkfifo', [join(dir, 'pipe.ts')]);
    mkdirSync(join(dir, 'folder.ts'));
    writeFileSync(join(dir, 'folder.ts', 'inside.txt'), 'x');
    // Root reads any file: the EACCES a user would get is induced through the reader's file operations.
    const reader: ReaderFs = {
      ...fs,
      openSync: ((path: fs.PathLike, flags: fs.OpenMode) => {
        if (String(path).endsWith('locked.ts')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        return fs.openSync(path, flags);
      }) as typeof fs.openSync,
    };
    const project = await loadProject(dir, reader);
    expect([...project.sources.keys()]).toEqual(['ok.ts']);
    expect(Object.fromEntries(project.skipped.map((s) => [s.path, s.reason]))).toEqual({
      'dangling.ts': 'a dangling symlink (what it points to does not exist)',
      'locked.ts': 'cannot be read (EACCES)',
      'pipe.ts': 'not a regular file (a FIFO, socket or device)',
    });
  });

  it('does not treat type declarations as sources', async () => {
    const dir = writeTree({ 'src/types.d.ts': 'declare const x: 1;\n', 'src/a.mts': 'export {};\n', 'src/b.cjs': 'module.exports = {};\n' });
    mkdirSync(join(dir, 'empty'));
    expect([...(await loadProject(dir)).sources.keys()]).toEqual(['src/a.mts', 'src/b.cjs']);
  });
});

describe('hasLineLongerThan', () => {
  // The same answer as splitting into lines, at the edges: a line of exactly the limit, one more, the first
  // or the last line (no newline after it), a carriage return counted as a character, empty lines.
  const max = 10;
  const line = (n: number) => 'x'.repeat(n);
  const cases: Record<string, string> = {
    empty: '',
    'only newlines': '\n\n\n',
    'a line of the limit': `${line(10)}\n`,
    'one over, alone': line(11),
    'one over, first': `${line(11)}\n${line(3)}\n`,
    'one over, last, without a newline': `${line(9)}\n${line(2)}\n${line(11)}`,
    'the limit, last, without a newline': `${line(9)}\n${line(10)}`,
    'one over with its carriage return': `${line(5)}\r\n${line(10)}\r\n`,
    'the limit with its carriage return': `${line(9)}\r\n${line(9)}\r\n`,
    'many short lines, then one over': `${`${line(4)}\n`.repeat(50)}${line(11)}\n${line(1)}`,
    'many lines of the limit': `${line(10)}\n`.repeat(30),
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => expect(hasLineLongerThan(text, max)).toBe(text.split('\n').some((l) => l.length > max)));
  }
  it('finds one over in those cases', () => expect(Object.values(cases).filter((text) => hasLineLongerThan(text, max))).toHaveLength(5));
});

describe('resolveImport', () => {
  const project = memoryProject({
    'src/lib/ai.ts': '',
    'src/lib/db/index.ts': '',
    'src/util.js': '',
    'src/components/button.tsx': '',
    'apps/web/src/lib/auth.ts': '',
  });
  const ctx = { project, pkgPath: '.', aliases: { '@/*': ['./src/*'], '~db': ['./src/lib/db/index.ts'] } };

  it.each([
    ['./lib/ai.js', 'src/lib/ai.ts'],
    ['./lib/ai', 'src/lib/ai.ts'],
    ['./lib/db', 'src/lib/db/index.ts'],
    ['./util.js', 'src/util.js'],
    ['./components/button.jsx', 'src/components/button.tsx'],
    ['@/lib/ai', 'src/lib/ai.ts'],
    ['@/lib/db', 'src/lib/db/index.ts'],
    ['~db', 'src/lib/db/index.ts'],
  ])('resolves %s from src/app.ts', (specifier, expected) => {
    expect(resolveImport(ctx, 'src/app.ts', specifier)).toBe(expected);
  });

  it('leaves packages and missing files unresolved, and resolves aliases from the package folder', () => {
    expect(resolveImport(ctx, 'src/app.ts', 'openai')).toBeNull();
    expect(resolveImport(ctx, 'src/app.ts', './missing')).toBeNull();
    expect(resolveImport({ project, pkgPath: 'apps/web', aliases: { '@/*': ['./src/*'] } }, 'apps/web/src/app/page.tsx', '@/lib/auth')).toBe('apps/web/src/lib/auth.ts');
  });
});

describe('PackageContext.origin', () => {
  it('follows re-exports to the file that defines a function: export-from, export *, import then export, a class through a barrel', () => {
    const ctx = memoryContext({
      'components/openai/index.js': "import { openaiChat } from './openaiService.js';\nexport { openaiChat };\n",
      'components/openai/openaiService.js': 'export const openaiChat = async (userId, message) => message;\n',
      'services/index.ts': "export { default as OpenAIService } from './OpenAIService';\nexport * from './summaries';\n",
      'services/OpenAIService.ts': 'export default class OpenAIService {\n  static async send(prompt: string) { return prompt; }\n}\n',
      'services/summaries.ts': 'export function summarize(text: string) { return text; }\n',
    });
    expect(ctx.origin('components/openai/index.js', 'openaiChat')).toEqual({ file: 'components/openai/openaiService.js', name: 'openaiChat' });
    expect(ctx.origin('services/index.ts', 'summarize')).toEqual({ file: 'services/summaries.ts', name: 'summarize' });
    expect(ctx.origin('services/index.ts', 'OpenAIService.send')).toEqual({ file: 'services/OpenAIService.ts', name: 'default.send' });
    expect(ctx.origin('services/index.ts', 'missing')).toEqual({ file: 'services/index.ts', name: 'missing' });
  });
});
