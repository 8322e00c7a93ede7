// Writes code this toolkit generates (the billing module, new route files) in a project's style: quotes,
// semicolons, indentation and trailing commas, changed token by token and proven harmless by re-parsing.
import type { CodeStyle } from '../ast/style.js';
import { parseSource } from '../ast/parse.js';
import { sameTree } from '../ast/same-tree.js';

interface RawToken {
  type: string | { label: string };
  value?: unknown;
  start: number;
  end: number;
}

/** A line starting with one of these continues the statement before it when that one has no `;`. */
const CONTINUES = /^[([`+\-/*,.?:<>=!&|]/;

/** `code` (written with two-space indents, single quotes, semicolons, trailing commas) in `style`; `code` itself if that fails. */
export function restyle(path: string, code: string, style: CodeStyle & { trailingComma?: boolean }): string {
  let tokens: RawToken[];
  try {
    tokens = (parseSource(path, code) as unknown as { tokens: RawToken[] }).tokens;
  } catch {
    return code;
  }
  const label = (t: RawToken) => (typeof t.type === 'string' ? t.type : t.type.label);
  const code_ = tokens.filter((t) => label(t) !== 'CommentLine' && label(t) !== 'CommentBlock' && label(t) !== 'eof');
  const edits: Array<{ start: number; end: number; text: string }> = [];
  let parens = 0;
  code_.forEach((token, i) => {
    const kind = label(token);
    if (kind === '(') parens++;
    if (kind === ')') parens--;
    const raw = code.slice(token.start, token.end);
    if (kind === 'string' && style.quote === '"' && raw.startsWith("'")) {
      const body = raw.slice(1, -1);
      if (!body.includes('"')) edits.push({ start: token.start, end: token.end, text: `"${body.replace(/\\'/g, "'")}"` });
    }
    const next = code_[i + 1];
    if (kind === ';' && !style.semi && parens === 0 && endsLine(code, token.end) && !(next && CONTINUES.test(code.slice(next.start, next.end)))) {
      edits.push({ start: token.start, end: token.end, text: '' });
    }
    if (kind === ',' && style.trailingComma === false && next && /^[}\])]$/.test(label(next)) && code.slice(token.end, next.start).includes('\n')) {
      edits.push({ start: token.start, end: token.end, text: '' });
    }
  });
  let out = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  out = reindent(out, style.indent, spansOf(path, out));
  return sameTree(path, out, code, { comments: true }) ? out : code;
}

/** Whether only spaces and a line comment stand between `offset` and the end of its line. */
function endsLine(text: string, offset: number): boolean {
  const rest = text.slice(offset, (text.indexOf('\n', offset) + 1 || text.length + 1) - 1);
  return /^[ \t]*(\/\/.*)?$/.test(rest);
}

/** Offsets covered by tokens that span lines (template literals): lines starting inside them keep their indent. */
function spansOf(path: string, text: string): Array<[number, number]> {
  try {
    const tokens = (parseSource(path, text) as unknown as { tokens: RawToken[] }).tokens;
    return tokens.filter((t) => text.slice(t.start, t.end).includes('\n')).map((t) => [t.start, t.end]);
  } catch {
    return [];
  }
}

function reindent(text: string, indent: string, spans: Array<[number, number]>): string {
  if (indent === '  ') return text;
  let offset = 0;
  return text
    .split('\n')
    .map((line) => {
      const start = offset;
      offset += line.length + 1;
      if (spans.some(([from, to]) => start > from && start < to)) return line;
      return line.replace(/^((?: {2})+)/, (lead) => indent.repeat(lead.length / 2));
    })
    .join('\n');
}
