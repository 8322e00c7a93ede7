// Builds FileChanges. Edits always see LF text; the change is returned in the file's own line endings:
// every line the edit did not touch keeps its own ending (a file that mixes CRLF and LF stays mixed), and
// new lines take the ending of the line before them.
import { diffArrays } from 'diff/lib/diff/array.js';
import { eolOf, toAnalysisText } from './line-endings.js';
import type { FileChange } from './types.js';

/**
 * Runs `edit` on the LF form of `before`; null when nothing changes. The result keeps the file's final
 * newline or its absence: printers add or drop one, and that is not a change the user asked for.
 */
export function modifyFile(path: string, before: string, edit: (text: string) => string | null | undefined): FileChange | null {
  const edited = edit(toAnalysisText(before));
  if (edited === null || edited === undefined) return null;
  const bom = before.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  const bare = bom ? before.slice(1) : before;
  const after = bom + restoreEndings(bare, bare === '' ? edited : keepFinalNewline(edited, bare.endsWith('\n')));
  return after === before ? null : { path, action: 'modify', before, after };
}

/**
 * `afterLf` with each line the edit kept ending as it did in `before`; a changed line keeps the ending of the
 * line it replaces, and a new line ends like the line before it.
 */
function restoreEndings(before: string, afterLf: string): string {
  if (!before.includes('\r')) return afterLf;
  const majority = eolOf(before) === '\r\n';
  const original = before.split('\n');
  // The last piece has no ending of its own; should lines follow it now, it takes the file's usual one.
  const crlf = original.map((line, i) => (i === original.length - 1 ? majority : line.endsWith('\r')));
  let previousCrlf = majority;
  const replaced: boolean[] = [];
  const out: string[] = [];
  let index = 0;
  for (const part of diffArrays(original.map((l) => l.replace(/\r$/, '')), afterLf.split('\n'))) {
    if (part.removed) {
      for (let i = 0; i < (part.count ?? part.value.length); i++) replaced.push(crlf[index++]);
      continue;
    }
    for (const line of part.value) {
      const ownCrlf = part.added ? (replaced.shift() ?? previousCrlf) : crlf[index++];
      out.push(ownCrlf ? `${line}\r` : line);
      previousCrlf = ownCrlf;
    }
    if (!part.added) replaced.length = 0;
  }
  // The last piece has no line ending of its own (text after the final newline, or the empty string).
  const last = out.length - 1;
  if (last >= 0) out[last] = out[last].replace(/\r$/, '');
  return out.join('\n');
}

function keepFinalNewline(text: string, wanted: boolean): string {
  if (wanted) return text.endsWith('\n') ? text : `${text}\n`;
  return text.replace(/\n+$/, '');
}

export function createFile(path: string, text: string): FileChange {
  return { path, action: 'create', before: null, after: text };
}
