// writeChanges restores what it already moved into place when a later rename fails (a full disk, a file
// locked by an editor): node:fs renameSync is made to fail on its second call.
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const renames = vi.hoisted(() => ({ count: 0, failOn: 0 }));

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return {
    ...actual,
    renameSync: (from: fs.PathLike, to: fs.PathLike) => {
      renames.count++;
      if (renames.count === renames.failOn) throw Object.assign(new Error(`EBUSY: resource busy or locked, rename '${String(to)}'`), { code: 'EBUSY' });
      return actual.renameSync(from, to);
    },
  };
});

const { WriteError, writeChanges } = await import('../../src/apply/write.js');

let dir = '';
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('writeChanges rollback', () => {
  it('puts back a modified file and removes a created one when the third rename fails', () => {
    dir = fs.mkdtempSync(join(tmpdir(), 'rollback-'));
    fs.mkdirSync(join(dir, 'src'));
    fs.writeFileSync(join(dir, 'src/app.ts'), 'original\r\n');
    fs.writeFileSync(join(dir, 'src/other.ts'), 'other\n');
    renames.count = 0;
    renames.failOn = 3;
    let error: unknown;
    try {
      writeChanges(dir, [
        { path: 'src/app.ts', action: 'modify', before: 'original\r\n', after: 'changed\r\n' },
        { path: 'src/lib/billing.ts', action: 'create', before: null, after: 'new\n' },
        { path: 'src/other.ts', action: 'modify', before: 'other\n', after: 'other changed\n' },
      ]);
    } catch (e) {
      error = e;
    }
    expect(renames.count).toBe(3);
    expect(error).toBeInstanceOf(WriteError);
    expect((error as Error).message).toMatch(/^nothing was written: EBUSY/);
    expect(fs.readFileSync(join(dir, 'src/app.ts'), 'utf8')).toBe('original\r\n');
    expect(fs.readFileSync(join(dir, 'src/other.ts'), 'utf8')).toBe('other\n');
    // The created file and its new folder are gone, and no temp file is left beside any target.
    expect((fs.readdirSync(dir, { recursive: true }) as string[]).sort()).toEqual(['src', 'src/app.ts', 'src/other.ts'].map((p) => p.split('/').join(sep)));
  });
});
