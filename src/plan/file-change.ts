// Builds FileChanges. Edits always see LF text; the change is returned in the file's own line endings,
// so a CRLF file stays CRLF and untouched lines stay byte-for-byte.
import type { FileChange } from './types.js';

export function eolOf(text: string): '\r\n' | '\n' {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1 - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

export function toLf(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

export function withEol(text: string, eol: '\r\n' | '\n'): string {
  return eol === '\n' ? text : text.replace(/\r?\n/g, '\r\n');
}

/**
 * Runs `edit` on the LF form of `before`; null when nothing changes. The result keeps the file's final
 * newline or its absence: printers add or drop one, and that is not a change the user asked for.
 */
export function modifyFile(path: string, before: string, edit: (text: string) => string | null | undefined): FileChange | null {
  const eol = eolOf(before);
  const edited = edit(toLf(before));
  if (edited === null || edited === undefined) return null;
  const after = withEol(before === '' ? edited : keepFinalNewline(edited, before.endsWith('\n')), eol);
  return after === before ? null : { path, action: 'modify', before, after };
}

function keepFinalNewline(text: string, wanted: boolean): string {
  if (wanted) return text.endsWith('\n') ? text : `${text}\n`;
  return text.replace(/\n+$/, '');
}

export function createFile(path: string, text: string): FileChange {
  return { path, action: 'create', before: null, after: text };
}
