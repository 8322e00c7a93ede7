// FileChange builders: edits see LF text; the result keeps the file's own line endings and its final
// newline (or the lack of one).
import { describe, expect, it } from 'vitest';
import { createFile, modifyFile } from '../../src/plan/file-change.js';
import { eolOf } from '../../src/plan/line-endings.js';

const addLine = (text: string) => text.replace('b = 2;', 'b = 2;\nc = 3;');

describe('modifyFile', () => {
  it('hands the edit LF text and gives back CRLF for a CRLF file', () => {
    let seen = '';
    const change = modifyFile('a.ts', 'a = 1;\r\nb = 2;\r\n', (text) => {
      seen = text;
      return addLine(text);
    });
    expect(seen).toBe('a = 1;\nb = 2;\n');
    expect(change).toEqual({ path: 'a.ts', action: 'modify', before: 'a = 1;\r\nb = 2;\r\n', after: 'a = 1;\r\nb = 2;\r\nc = 3;\r\n' });
  });

  it('keeps LF files LF', () => {
    expect(modifyFile('a.ts', 'a = 1;\nb = 2;\n', addLine)?.after).toBe('a = 1;\nb = 2;\nc = 3;\n');
  });

  it('keeps the final newline, or its absence, whatever the edit printed', () => {
    expect(modifyFile('a.ts', 'a = 1;\nb = 2;', (t) => `${addLine(t)}\n`)?.after).toBe('a = 1;\nb = 2;\nc = 3;');
    expect(modifyFile('a.ts', 'a = 1;\r\nb = 2;', (t) => `${addLine(t)}\n`)?.after).toBe('a = 1;\r\nb = 2;\r\nc = 3;');
    expect(modifyFile('a.ts', 'a = 1;\nb = 2;\n', (t) => addLine(t).replace(/\n$/, ''))?.after).toBe('a = 1;\nb = 2;\nc = 3;\n');
    expect(modifyFile('a.ts', 'a = 1;\r\nb = 2;\r\n', (t) => addLine(t).replace(/\n$/, ''))?.after).toBe('a = 1;\r\nb = 2;\r\nc = 3;\r\n');
  });

  it('leaves blank lines at the end alone when the edit keeps them', () => {
    expect(modifyFile('a.ts', 'a = 1;\nb = 2;\n\n', addLine)?.after).toBe('a = 1;\nb = 2;\nc = 3;\n\n');
  });

  it('gives an empty file what the edit wrote', () => {
    expect(modifyFile('.env.example', '', () => 'CREDYT_API_KEY=\n')?.after).toBe('CREDYT_API_KEY=\n');
  });

  it('is null when the edit declines or changes nothing', () => {
    expect(modifyFile('a.ts', 'a = 1;\r\n', () => null)).toBeNull();
    expect(modifyFile('a.ts', 'a = 1;\r\n', () => undefined)).toBeNull();
    expect(modifyFile('a.ts', 'a = 1;\r\n', (t) => t)).toBeNull();
    // Only the final newline differs: keeping the file's own ending means nothing changes.
    expect(modifyFile('a.ts', 'a = 1;', (t) => `${t}\n`)).toBeNull();
  });
});

describe('createFile and eolOf', () => {
  it('creates with no before text', () => {
    expect(createFile('src/lib/billing.ts', 'export {};\n')).toEqual({ path: 'src/lib/billing.ts', action: 'create', before: null, after: 'export {};\n' });
  });

  it('reads the dominant line ending', () => {
    expect(eolOf('a\r\nb\r\nc\n')).toBe('\r\n');
    expect(eolOf('a\nb\nc\r\n')).toBe('\n');
    expect(eolOf('one line')).toBe('\n');
  });
});

describe('modifyFile with mixed line endings', () => {
  it('keeps the ending of every line the edit did not touch; a new line ends like the one before it', () => {
    const before = 'a = 1;\r\nb = 2;\nc = 4;\r\nd = 5;\n';
    const after = modifyFile('a.ts', before, (t) => t.replace('b = 2;', 'b = 2;\nx = 3;'))?.after;
    expect(after).toBe('a = 1;\r\nb = 2;\nx = 3;\nc = 4;\r\nd = 5;\n');
  });

  it('keeps a BOM and the endings around a changed line', () => {
    const before = '\uFEFFa = 1;\r\nb = 2;\nc = 3;\r\n';
    expect(modifyFile('a.ts', before, (t) => t.replace('b = 2;', 'b = 20;'))?.after).toBe('\uFEFFa = 1;\r\nb = 20;\nc = 3;\r\n');
  });

  it('gives lines added after a CRLF line CRLF endings', () => {
    expect(modifyFile('a.ts', 'a\r\nb\nc', (t) => t.replace('a', 'a\nnew'))?.after).toBe('a\r\nnew\r\nb\nc');
  });
});
