// Lines we insert that are longer than the app's lint allows (max-len) are broken the way a formatter would:
// the widest one-line object on the line gets one property per line. Only our lines, and only when the file
// still means the same.
import { sameTree } from '../ast/same-tree.js';

/** `text` with each listed line (0-based) that is longer than `max` broken at its widest object. */
export function wrapLongLines(path: string, text: string, lines: Set<number>, max: number, indent: string, trailingComma: boolean): string {
  const source = text.split('\n');
  const out: string[] = [];
  source.forEach((line, i) => out.push(...(lines.has(i) ? wrap(line, max, indent, trailingComma, 3) : [line])));
  const wrapped = out.join('\n');
  return wrapped !== text && sameTree(path, wrapped, text, { comments: true }) ? wrapped : text;
}

function wrap(line: string, max: number, indent: string, trailingComma: boolean, depth: number): string[] {
  if (line.length <= max || depth === 0) return [line];
  const span = widestObject(line);
  if (!span) return [line];
  const lead = /^[ \t]*/.exec(line)?.[0] ?? '';
  const members = splitTopLevel(line.slice(span.open + 1, span.close)).map((m) => m.trim()).filter(Boolean);
  if (members.length === 0) return [line];
  const inner = members.map((m, k) => `${lead}${indent}${m}${k < members.length - 1 || trailingComma ? ',' : ''}`);
  const head = line.slice(0, span.open + 1);
  const tail = `${lead}${line.slice(span.close)}`;
  return [head, ...inner.flatMap((l) => wrap(l, max, indent, trailingComma, depth - 1)), tail];
}

/** The `{ ... }` on the line that spans the most characters (strings and templates skipped). */
function widestObject(line: string): { open: number; close: number } | null {
  const stack: number[] = [];
  let best: { open: number; close: number } | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"' || c === "'" || c === '`') {
      i = endOfString(line, i);
      continue;
    }
    if (c === '{') stack.push(i);
    else if (c === '}' && stack.length) {
      const open = stack.pop() as number;
      if (!best || i - open > best.close - best.open) best = { open, close: i };
    }
  }
  return best;
}

function endOfString(line: string, start: number): number {
  const quote = line[start];
  for (let i = start + 1; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === quote) return i;
  }
  return line.length;
}

/** Splits at commas outside brackets and strings. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') i = endOfString(text, i);
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts;
}
