// writeChanges under induced faults: a fault hook (the writer's file operations, with one made to fail)
// stands in for what root would not hit here (a read-only or immutable file, a full disk, an editor's lock).
// Every case compares the exact bytes of every file before and after.
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WriteError, writeChanges, type WriterFs } from '../../src/apply/write.js';
import type { FileChange } from '../../src/plan/types.js';

let dir = '';
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A project with three files of awkward bytes (CRLF, a BOM, no final newline). */
function project(): Record<string, Buffer> {
  dir = fs.mkdtempSync(join(tmpdir(), 'rollback-'));
  fs.mkdirSync(join(dir, 'src'));
  const files: Record<string, Buffer> = {
    'src/app.ts': Buffer.from('original\r\nsecond\r\n'),
    'src/bom.ts': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('export const a = 1;')]),
    'src/other.ts': Buffer.from('other\n'),
  };
  for (const [path, bytes] of Object.entries(files)) fs.writeFileSync(join(dir, path), bytes);
  fs.chmodSync(join(dir, 'src/other.ts'), 0o640);
  return files;
}

const plan = (files: Record<string, Buffer>): FileChange[] => [
  { path: 'src/app.ts', action: 'modify', before: files['src/app.ts'].toString('utf8'), after: 'changed\r\nsecond\r\n' },
  { path: 'src/lib/billing.ts', action: 'create', before: null, after: 'new\n' },
  { path: 'src/bom.ts', action: 'modify', before: files['src/bom.ts'].toString('utf8'), after: '\uFEFFexport const a = 2;' },
  { path: 'src/other.ts', action: 'modify', before: 'other\n', after: 'other changed\n' },
];

/** node:fs with one operation made to fail on its nth call (matching `when`). */
function failing(op: 'renameSync' | 'writeFileSync' | 'unlinkSync', nth: number, code = 'EPERM', when: (args: unknown[]) => boolean = () => true): WriterFs {
  let calls = 0;
  const fail = (...args: unknown[]) => {
    if (when(args) && ++calls === nth) throw Object.assign(new Error(`${code}: operation not permitted, ${op} '${String(args[0])}'`), { code });
    return (fs[op] as (...a: unknown[]) => unknown)(...args);
  };
  return { ...fs, [op]: fail } as WriterFs;
}

function expectUnchanged(files: Record<string, Buffer>): void {
  for (const [path, bytes] of Object.entries(files)) expect(fs.readFileSync(join(dir, path)).equals(bytes), path).toBe(true);
  expect(fs.statSync(join(dir, 'src/other.ts')).mode & 0o777).toBe(0o640);
  // No temp file, no kept original, no created folder left behind.
  expect((fs.readdirSync(dir, { recursive: true }) as string[]).sort()).toEqual(['src', 'src/app.ts', 'src/bom.ts', 'src/other.ts'].map((p) => p.split('/').join(sep)));
}

function failure(run: () => void): WriteError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WriteError);
    return error as WriteError;
  }
  throw new Error('the write did not fail');
}

describe('writeChanges rollback', () => {
  it('puts every file back, byte for byte and with its mode, when the last rename into place fails', () => {
    const files = project();
    const into = (args: unknown[]) => String(args[0]).endsWith('.tmp');
    const error = failure(() => writeChanges(dir, plan(files), failing('renameSync', 4, 'EPERM', into)));
    expect(error.message).toMatch(/^nothing was written: EPERM/);
    expect(error.unrestored).toEqual([]);
    expectUnchanged(files);
  });

  it('fails before touching anything when the original of a read-only or immutable file cannot be moved aside', () => {
    const files = project();
    const aside = (args: unknown[]) => String(args[1]).endsWith('.orig');
    const error = failure(() => writeChanges(dir, plan(files), failing('renameSync', 2, 'EPERM', aside)));
    expect(error.message).toMatch(/^nothing was written: EPERM/);
    expectUnchanged(files);
  });

  it('leaves nothing when a temp file cannot be written (a full disk)', () => {
    const files = project();
    const error = failure(() => writeChanges(dir, plan(files), failing('writeFileSync', 3, 'ENOSPC')));
    expect(error.message).toMatch(/^nothing was written: ENOSPC/);
    expectUnchanged(files);
  });

  it('names each file it could not put back, and where its original is kept', () => {
    const files = project();
    // The third rename into place fails, and so does putting src/app.ts's original back.
    let intoPlace = 0;
    const faulty: WriterFs = {
      ...fs,
      renameSync: (from, to) => {
        if (String(from).endsWith('.tmp') && ++intoPlace === 3) throw Object.assign(new Error('EPERM: rename failed'), { code: 'EPERM' });
        if (String(from).endsWith('.orig') && String(to).endsWith('src/app.ts')) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
        return fs.renameSync(from, to);
      },
    };
    const error = failure(() => writeChanges(dir, plan(files), faulty));
    expect(error.message).toMatch(/could not be put back as they were: src\/app\.ts \(EIO: i\/o error; the original is kept at app\.ts\.billing-codemod-[0-9a-f]+\.orig\)/);
    expect(error.unrestored).toHaveLength(1);
    for (const path of ['src/bom.ts', 'src/other.ts']) expect(fs.readFileSync(join(dir, path)).equals(files[path]), path).toBe(true);
    const kept = fs.readdirSync(join(dir, 'src')).find((f) => f.endsWith('.orig'));
    expect(kept && fs.readFileSync(join(dir, 'src', kept)).equals(files['src/app.ts'])).toBe(true);
  });

  it('reports a target that became a directory as such, writing nothing', () => {
    const files = project();
    fs.rmSync(join(dir, 'src/other.ts'));
    fs.mkdirSync(join(dir, 'src/other.ts'));
    const error = failure(() => writeChanges(dir, plan(files)));
    expect(error.message).toBe('src/other.ts is a directory now, not a file: nothing was written');
    for (const path of ['src/app.ts', 'src/bom.ts']) expect(fs.readFileSync(join(dir, path)).equals(files[path]), path).toBe(true);
  });

  it('writes every byte it was given, BOM included, and nothing else', () => {
    const files = project();
    writeChanges(dir, plan(files));
    expect(fs.readFileSync(join(dir, 'src/bom.ts')).equals(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('export const a = 2;')]))).toBe(true);
    expect(fs.readFileSync(join(dir, 'src/app.ts'), 'latin1')).toBe('changed\r\nsecond\r\n');
    expect(fs.statSync(join(dir, 'src/other.ts')).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(join(dir, 'src')).filter((f) => /\.(orig|tmp)$/.test(f))).toEqual([]);
  });
});
