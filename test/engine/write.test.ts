// writeChanges: all planned files or none; never through a symlink, never outside the tree, never over a
// file that changed since the plan was made.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WriteError, writeChanges } from '../../src/apply/write.js';
import type { FileChange } from '../../src/plan/types.js';

let root: string;
let dir: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'write-'));
  dir = join(root, 'app');
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'src/app.ts'), 'a\r\nb\r\n');
  writeFileSync(join(dir, 'package.json'), '{}\n');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Every file under the app, relative, so a test can see that nothing else appeared (temp files, folders). */
function tree(): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map((p) => p.split('\\').join('/')).sort();
}

const modify = (path: string, before: string, after: string): FileChange => ({ path, action: 'modify', before, after });
const create = (path: string, after: string): FileChange => ({ path, action: 'create', before: null, after });

function refusal(changes: FileChange[]): string {
  try {
    writeChanges(dir, changes);
  } catch (error) {
    expect(error).toBeInstanceOf(WriteError);
    return (error as Error).message;
  }
  throw new Error('writeChanges did not refuse');
}

describe('writeChanges', () => {
  it('writes modified and new files, creating folders, and keeps a file mode', () => {
    writeFileSync(join(dir, 'run.sh'), 'echo 1\n');
    chmodSync(join(dir, 'run.sh'), 0o755);
    writeChanges(dir, [modify('src/app.ts', 'a\r\nb\r\n', 'a\r\nb\r\nc\r\n'), create('src/lib/deep/billing.ts', 'x\n'), modify('run.sh', 'echo 1\n', 'echo 2\n')]);
    expect(readFileSync(join(dir, 'src/app.ts'), 'utf8')).toBe('a\r\nb\r\nc\r\n');
    expect(readFileSync(join(dir, 'src/lib/deep/billing.ts'), 'utf8')).toBe('x\n');
    expect(statSync(join(dir, 'run.sh')).mode & 0o777).toBe(0o755);
    expect(tree()).toEqual(['package.json', 'run.sh', 'src', 'src/app.ts', 'src/lib', 'src/lib/deep', 'src/lib/deep/billing.ts']);
  });

  it('writes nothing when a later file cannot be written (its folder is a file), and leaves no temp files', () => {
    const before = tree();
    writeFileSync(join(dir, 'blocker'), 'a file, not a folder\n');
    const message = refusal([modify('src/app.ts', 'a\r\nb\r\n', 'changed\n'), create('src/new/x.ts', 'x\n'), create('blocker/billing.ts', 'x\n')]);
    expect(message).toMatch(/^nothing was written: /);
    expect(readFileSync(join(dir, 'src/app.ts'), 'utf8')).toBe('a\r\nb\r\n');
    expect(tree()).toEqual([...before, 'blocker'].sort());
  });

  it('refuses to write through a symlink, even one inside the tree', () => {
    symlinkSync(join(dir, 'src/app.ts'), join(dir, 'link.ts'));
    expect(refusal([modify('link.ts', 'a\r\nb\r\n', 'x')])).toBe('refusing to write through a symlink: link.ts');
    expect(readFileSync(join(dir, 'src/app.ts'), 'utf8')).toBe('a\r\nb\r\n');
  });

  it('refuses paths outside the tree: ../, absolute, and a symlinked folder that leads out', () => {
    mkdirSync(join(root, 'outside'));
    symlinkSync(join(root, 'outside'), join(dir, 'out'));
    expect(refusal([create('../escape.ts', 'x')])).toBe('refusing to write outside the project: ../escape.ts');
    expect(refusal([create(join(root, 'abs.ts'), 'x')])).toMatch(/^refusing to write outside the project: /);
    expect(refusal([create('out/sub/x.ts', 'x')])).toBe('refusing to write outside the project: out/sub/x.ts');
    expect(readdirSync(join(root, 'outside'))).toEqual([]);
    expect(existsSync(join(root, 'escape.ts'))).toBe(false);
  });

  it('refuses when a file changed, appeared or disappeared since the plan was made, writing none of the others', () => {
    const ok = create('src/lib/billing.ts', 'x\n');
    expect(refusal([ok, modify('src/app.ts', 'a\nb\n', 'c\n')])).toBe('src/app.ts changed since the plan was made; run again');
    expect(refusal([ok, create('package.json', '{}\n')])).toBe('package.json appeared since the plan was made; run again');
    expect(refusal([ok, modify('gone.ts', 'x', 'y')])).toBe('gone.ts disappeared since the plan was made; run again');
    expect(tree()).toEqual(['package.json', 'src', 'src/app.ts']);
  });

  it('refuses a plan that changes one file twice (./ spellings included), writing neither', () => {
    const message = refusal([create('src/lib/billing.ts', 'one\n'), create('./src/lib/billing.ts', 'two\n')]);
    expect(message).toBe('nothing was written: the plan changes ./src/lib/billing.ts twice');
    expect(tree()).toEqual(['package.json', 'src', 'src/app.ts']);
  });

  it('applies the same plan once: a second write of it is refused, the first result stays', () => {
    const plan = [modify('src/app.ts', 'a\r\nb\r\n', 'a\r\nb\r\nc\r\n')];
    writeChanges(dir, plan);
    expect(refusal(plan)).toBe('src/app.ts changed since the plan was made; run again');
    expect(readFileSync(join(dir, 'src/app.ts'), 'utf8')).toBe('a\r\nb\r\nc\r\n');
  });
});
