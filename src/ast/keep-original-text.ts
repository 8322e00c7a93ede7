// recast reprints more than it was asked to: a statement that gains a comment comes back with a `;`, an `if`
// whose body grew gets `!(await x)` for `!await x`, a reprinted object is laid out again, a string changes
// quotes. This pass puts the app's own text back wherever the code did not change: it matches the tokens of
// the file before and after the edit, and between two tokens that were neighbours before, it writes what was
// between them before (spacing, line breaks, comments) instead of what recast printed. Tokens the edit added
// keep recast's text. A `;`, `(`, `)` or `,` that recast alone added or dropped between two such neighbours
// is undone too. The result must parse to the same tree, with the same comments, as recast's output, or
// recast's output is kept.
import { diffArrays } from 'diff/lib/diff/array.js';
import { parseSource } from './parse.js';
import { sameTree } from './same-tree.js';

interface Token {
  key: string;
  start: number;
  end: number;
  /** For a bracket, how deeply it is nested. */
  depth?: number;
}

function keyed(tokens: Token[], byDepth: boolean): Token[] {
  return byDepth ? tokens.map((t) => (t.depth === undefined ? t : { ...t, key: `${t.key}\u0000${t.depth}` })) : tokens;
}

/** Punctuation recast adds or drops on its own when it reprints a node. */
const LAYOUT = new Set([';', '(', ')', ',']);
const OPENERS = new Set(['{', '(', '[', '${']);
const CLOSERS = new Set(['}', ')', ']']);

/** `after` with every stretch the edit did not change written as in `before`; `after` itself when that fails. */
export function keepOriginalText(path: string, before: string, after: string): string {
  if (before === after) return after;
  let beforeTokens: Token[];
  let afterTokens: Token[];
  try {
    beforeTokens = tokensOf(path, before);
    afterTokens = tokensOf(path, after);
  } catch {
    return after;
  }
  // Brackets matched by depth first (right when the edit added members); then by kind alone (right when it
  // wrapped original code in a new block, which moves that code one level deeper).
  for (const undoLayout of [true, false]) {
    for (const byDepth of [true, false]) {
      const text = rebuild(before, after, keyed(beforeTokens, byDepth), keyed(afterTokens, byDepth), undoLayout);
      if (text === after) return after;
      if (sameTree(path, text, after, { comments: true })) return text;
    }
  }
  return after;
}

function tokensOf(path: string, text: string): Token[] {
  const file = parseSource(path, text) as unknown as { tokens: Array<{ type: string | { label: string }; value?: unknown; start: number; end: number }> };
  const out: Token[] = [];
  let depth = 0;
  for (const token of file.tokens) {
    const label = typeof token.type === 'string' ? token.type : token.type.label;
    if (label === 'CommentLine' || label === 'CommentBlock' || label === 'eof') continue;
    // Strings compare by value, so a reprint that changed quotes still matches the original token. Brackets
    // may compare with their depth, so that an object's `}` does not match the `}` of a member added to it.
    const value = token.value === undefined || token.value === null ? '' : typeof token.value === 'object' ? JSON.stringify(token.value) : String(token.value);
    if (CLOSERS.has(label)) depth--;
    const bracket = OPENERS.has(label) || CLOSERS.has(label);
    out.push({ key: `${label}\u0000${bracket ? '' : value}`, start: token.start, end: token.end, ...(bracket ? { depth } : {}) });
    if (OPENERS.has(label)) depth++;
  }
  return out;
}

/**
 * Walks the printed tokens. For each one matched to an original token, the original spelling; between two
 * printed tokens whose originals were neighbours (or separated only by layout punctuation), the original gap.
 */
function rebuild(before: string, after: string, beforeTokens: Token[], afterTokens: Token[], undoLayout: boolean): string {
  const origin = matchTokens(before, after, beforeTokens, afterTokens);
  const shifts = indentShifts(before, after, beforeTokens, afterTokens, origin);
  const relaid = relaidGaps(before, after, beforeTokens, afterTokens, origin);
  const semicolons = /;[ \t]*(\/\/.*)?$/m.test(before);
  let out = '';
  let cursor = 0; // the printed text consumed so far
  let previous = -1; // the last printed token that had an original
  for (let i = 0; i < afterTokens.length; i++) {
    const j = origin[i];
    if (j === -1) continue;
    const token = afterTokens[i];
    if (previous !== -1 && !relaid.has(i) && joinsOriginal(previous, i, origin, beforeTokens, afterTokens, undoLayout)) {
      const gap = reindent(before.slice(beforeTokens[origin[previous]].end, beforeTokens[j].start), shifts[i]);
      out += withAddedComments(gap, after.slice(afterTokens[previous].end, token.start));
    } else {
      out += separated(after, cursor, token);
    }
    out += before.slice(beforeTokens[j].start, beforeTokens[j].end);
    cursor = token.end;
    previous = i;
    // A `;` recast put after an original statement it reprinted, before code the edit added, in a file that
    // ends no line with one (where lines do end with one, it may end a statement the edit made).
    const next = afterTokens[i + 1];
    if (undoLayout && !semicolons && next && origin[i + 1] === -1 && next.key.startsWith(';\u0000') && !beforeTokens[j + 1]?.key.startsWith(';\u0000')) cursor = next.end;
  }
  return out + after.slice(cursor);
}

/**
 * The original gap, with the comments the edit added in the printed gap (a marker above a statement) put on
 * their own lines just before the code that follows. A gap within one line keeps the printed text instead.
 */
function withAddedComments(original: string, printed: string): string {
  const added = [...printed.matchAll(/^([ \t]*)(\/\/[^\n]*|\/\*[\s\S]*?\*\/)/gm)].filter((m) => !original.includes(m[2]));
  if (added.length === 0) return original;
  const lastBreak = original.lastIndexOf('\n');
  if (lastBreak === -1) return printed;
  const indent = original.slice(lastBreak + 1);
  return original.slice(0, lastBreak + 1) + added.map((m) => `${indent}${m[2]}\n`).join('') + indent;
}

/**
 * The printed text from `cursor` up to `token`. recast reuses a statement that began on the line of a `{` as
 * it was, so code added before it ends `}res.write(...)`: a `}` glued to a statement starts a new line.
 */
function separated(after: string, cursor: number, token: Token): string {
  const text = after.slice(cursor, token.start);
  if (!text.endsWith('}') || !/^name\u0000/.test(token.key)) return text;
  const lineStart = text.lastIndexOf('\n') + 1;
  return `${text}\n${/^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? ''}`;
}

/**
 * Whether printed tokens p and i (both matched, everything printed between them added by recast) stand for
 * original neighbours: nothing between them in either text, or only layout punctuation when that is undone.
 */
function joinsOriginal(p: number, i: number, origin: number[], beforeTokens: Token[], afterTokens: Token[], undoLayout: boolean): boolean {
  const from = origin[p];
  const to = origin[i];
  if (to <= from) return false;
  const added = afterTokens.slice(p + 1, i);
  const dropped = beforeTokens.slice(from + 1, to);
  if (added.length === 0 && dropped.length === 0) return true;
  if (!undoLayout) return false;
  const layout = (t: Token) => LAYOUT.has(t.key.split('\u0000')[0]);
  return added.every(layout) && dropped.every(layout);
}

/**
 * origin[i]: the index of the original token the i-th printed token is, or -1 for a token the edit added.
 * Lines first, as a reviewer reads a diff: tokens are matched within each run of equal lines and within each
 * run of changed lines, so an added import lands as a line of its own, not interleaved with its neighbours.
 */
function matchTokens(before: string, after: string, beforeTokens: Token[], afterTokens: Token[]): number[] {
  const origin = new Array<number>(afterTokens.length).fill(-1);
  let b = 0; // next original token
  let a = 0; // next printed token
  let beforeEnd = 0;
  let afterEnd = 0;
  const matchUpTo = () => {
    const bFrom = b;
    const aFrom = a;
    while (b < beforeTokens.length && beforeTokens[b].start < beforeEnd) b++;
    while (a < afterTokens.length && afterTokens[a].start < afterEnd) a++;
    let bi = bFrom;
    let ai = aFrom;
    for (const part of diffArrays(beforeTokens.slice(bFrom, b), afterTokens.slice(aFrom, a), { comparator: (x, y) => x.key === y.key })) {
      const count = part.value.length;
      if (part.added) ai += count;
      else if (part.removed) bi += count;
      else for (let k = 0; k < count; k++) origin[ai++] = bi++;
    }
  };
  const length = (lines: string[]) => lines.reduce((sum, line) => sum + line.length, 0);
  for (const part of diffArrays(before.split(/(?<=\n)/), after.split(/(?<=\n)/))) {
    if (part.added) afterEnd += length(part.value);
    else if (part.removed) beforeEnd += length(part.value);
    else {
      matchUpTo(); // the changed run before these equal lines
      beforeEnd += length(part.value);
      afterEnd += length(part.value);
      matchUpTo();
    }
  }
  beforeEnd = before.length;
  afterEnd = after.length;
  matchUpTo();
  return origin;
}

/**
 * The printed tokens whose gap before them keeps recast's layout: the members (and closing bracket) of a
 * bracket that was on one line, gained members from the edit and now spans lines. Putting the old one-line
 * spacing back there would leave half the list on one line and the added member on the next.
 */
function relaidGaps(before: string, after: string, beforeTokens: Token[], afterTokens: Token[], origin: number[]): Set<number> {
  const label = (t: Token) => t.key.slice(0, t.key.indexOf('\u0000'));
  const containerOf = new Array<number>(afterTokens.length).fill(-1);
  const closerOf = new Map<number, number>();
  const stack: number[] = [];
  afterTokens.forEach((token, i) => {
    const l = label(token);
    if (CLOSERS.has(l) && stack.length) {
      const open = stack.pop() as number;
      containerOf[i] = open;
      closerOf.set(open, i);
      return;
    }
    containerOf[i] = stack[stack.length - 1] ?? -1;
    if (OPENERS.has(l)) stack.push(i);
  });
  const grown = new Set<number>();
  afterTokens.forEach((token, i) => {
    if (origin[i] === -1 && containerOf[i] !== -1 && !LAYOUT.has(label(token))) grown.add(containerOf[i]);
  });
  const relaid = new Set<number>();
  for (const open of grown) {
    const close = closerOf.get(open);
    if (close === undefined || origin[open] === -1 || origin[close] === -1) continue;
    const wasOneLine = !before.slice(beforeTokens[origin[open]].start, beforeTokens[origin[close]].end).includes('\n');
    const nowSpans = after.slice(afterTokens[open].start, afterTokens[close].end).includes('\n');
    if (!wasOneLine || !nowSpans) continue;
    for (let i = open + 1; i <= close; i++) if (containerOf[i] === open) relaid.add(i);
  }
  return relaid;
}

/**
 * How far recast moved each stretch of original code sideways (code it wrapped in a new block moves right).
 * Measured where a stretch starts: the first matched token after an added one, when it starts its line in
 * both texts; carried along the stretch and into stretches that start mid-line.
 */
function indentShifts(before: string, after: string, beforeTokens: Token[], afterTokens: Token[], origin: number[]): number[] {
  const shifts = new Array<number>(afterTokens.length).fill(0);
  let shift = 0;
  for (let i = 0; i < afterTokens.length; i++) {
    const j = origin[i];
    if (j === -1) continue;
    const startsStretch = i === 0 || origin[i - 1] === -1 || origin[i - 1] !== j - 1;
    if (startsStretch) {
      const was = lineIndent(before, beforeTokens[j].start);
      const now = lineIndent(after, afterTokens[i].start);
      // A stretch that starts mid-line (after code the edit added on that line) keeps the shift it is in.
      if (was !== null && now !== null) shift = now.length - was.length;
    }
    shifts[i] = shift;
  }
  return shifts;
}

/** The indentation before `offset` when only spaces or tabs stand between it and its line's start. */
function lineIndent(text: string, offset: number): string | null {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lead = text.slice(lineStart, offset);
  return /^[ \t]*$/.test(lead) ? lead : null;
}

/** A gap's lines moved `shift` indent characters (right: added, spaces or the line's own tabs; left: removed). */
function reindent(gap: string, shift: number): string {
  if (shift === 0 || !gap.includes('\n')) return gap;
  return gap.replace(/\n([ \t]*)/g, (_, lead: string) => {
    if (shift > 0) return `\n${lead}${(lead.startsWith('\t') ? '\t' : ' ').repeat(shift)}`;
    return `\n${lead.slice(Math.min(lead.length, -shift))}`;
  });
}
