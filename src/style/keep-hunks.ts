// A formatter or a lint fixer rewrites a whole file; a reviewer should see only our lines. Of what it changed,
// keep the changes that touch lines the edit wrote (or move them), and drop the rest.
import { diffArrays } from 'diff/lib/diff/array.js';

interface Hunk {
  /** Lines [from, to) of the edited text it replaces. */
  from: number;
  to: number;
  lines: string[];
}

/**
 * `edited` with those changes of `tool` (the tool's output for `edited`) that rewrite lines differing between
 * `original` and `edited`, insert lines next to them, or only bring back lines the edit wrote elsewhere (an
 * import the fixer moved into the app's import order).
 */
export function keepHunksNearEdits(original: string, edited: string, tool: string): string {
  if (tool === edited) return edited;
  const editedLines = edited.split('\n');
  const ours = changedLines(original.split('\n'), editedLines);
  const oursText = new Set([...ours].map((i) => editedLines[i].trim()).filter(Boolean));
  const all = hunks(editedLines, tool.split('\n'), ours);
  const isOurs = (line: string) => !line.trim() || oursText.has(line.trim());
  const near = all.filter((h) => {
    // A rewrite must overlap our lines; blank lines may be inserted right next to them (after an import).
    for (let i = h.from; i < h.to; i++) if (ours.has(i)) return true;
    if (h.from !== h.to) return false;
    if (h.lines.every((line) => !line.trim())) return ours.has(h.from - 1) || ours.has(h.from);
    return h.lines.every(isOurs);
  });
  // A line the tool moved (an import put in order) moves whole or not at all: never kept twice, never lost.
  const dropped = all.filter((h) => !near.includes(h));
  const droppedRemoved = new Set(dropped.flatMap((h) => editedLines.slice(h.from, h.to).map((l) => l.trim())).filter(Boolean));
  const droppedAdded = new Set(dropped.flatMap((h) => h.lines.map((l) => l.trim())).filter(Boolean));
  const kept = near.filter(
    (h) => !h.lines.some((l) => l.trim() && droppedRemoved.has(l.trim())) && !editedLines.slice(h.from, h.to).some((l, k) => !ours.has(h.from + k) && droppedAdded.has(l.trim())),
  );
  const out = [...editedLines];
  for (const h of [...kept].reverse()) out.splice(h.from, h.to - h.from, ...h.lines);
  return noLineGained(out, editedLines, tool.split('\n')) ? out.join('\n') : edited;
}

/** No line appears more often in the result than in both the edited text and the tool's output (a move kept twice). */
function noLineGained(result: string[], edited: string[], tool: string[]): boolean {
  const count = (lines: string[]) => {
    const map = new Map<string, number>();
    for (const l of lines) if (l.trim()) map.set(l.trim(), (map.get(l.trim()) ?? 0) + 1);
    return map;
  };
  const [r, e, t] = [count(result), count(edited), count(tool)];
  return [...r].every(([line, n]) => n <= Math.max(e.get(line) ?? 0, t.get(line) ?? 0));
}

/** Indexes of `edited` lines that are not in `original` (by a line diff). */
export function changedLines(original: string[], edited: string[]): Set<number> {
  const out = new Set<number>();
  let e = 0;
  for (const part of diffArrays(original, edited)) {
    if (part.added) for (let k = 0; k < part.value.length; k++) out.add(e++);
    else if (!part.removed) e += part.value.length;
  }
  return out;
}

/**
 * The line changes from `from` to `to`. A formatter rewrites neighbouring lines in one run; within a run, a
 * line and its reformatted self are paired (same code once spacing, quotes and `;`/`,` ends are set aside),
 * so each becomes a change of its own and only ours are kept.
 */
function hunks(from: string[], to: string[], ours: Set<number>): Hunk[] {
  return coarseHunks(from, to, ours).flatMap((h) => split(h, from));
}

const sameCode = (a: string, b: string) => normalize(a) === normalize(b);

function normalize(line: string): string {
  return line.replace(/\s+/g, '').replace(/"/g, "'").replace(/[;,]+$/, '');
}

function split(h: Hunk, from: string[]): Hunk[] {
  const removed = from.slice(h.from, h.to);
  if (removed.length === 0 || h.lines.length === 0) return [h];
  const out: Hunk[] = [];
  let line = h.from; // in `from`
  let added = 0; // in h.lines
  let current: Hunk | null = null;
  for (const part of diffArrays(removed, h.lines, { comparator: sameCode })) {
    const count = part.count ?? part.value.length;
    if (part.added || part.removed) {
      current ??= { from: line, to: line, lines: [] };
      if (part.removed) current.to = line += count;
      else current.lines.push(...h.lines.slice(added, (added += count)));
      continue;
    }
    if (current) out.push(current);
    current = null;
    // A paired line is a one-line change of its own.
    for (let k = 0; k < count; k++, line++, added++) if (from[line] !== h.lines[added]) out.push({ from: line, to: line + 1, lines: [h.lines[added]] });
  }
  if (current) out.push(current);
  return out;
}

/**
 * Line changes where our lines never count as unchanged: when the tool reorders (imports), the diff then
 * moves our line to its place instead of moving the app's lines around it.
 */
function coarseHunks(from: string[], to: string[], ours: Set<number>): Hunk[] {
  const out: Hunk[] = [];
  let line = 0;
  let added = 0;
  let current: Hunk | null = null;
  const left = from.map((text, index) => ({ text, ours: ours.has(index) }));
  const right = to.map((text) => ({ text, ours: false }));
  for (const part of diffArrays(left, right, { comparator: (a, b) => !a.ours && a.text === b.text })) {
    const count = part.count ?? part.value.length;
    if (!part.added && !part.removed) {
      if (current) out.push(current);
      current = null;
      line += count;
      added += count;
      continue;
    }
    current ??= { from: line, to: line, lines: [] };
    if (part.removed) current.to = line += count;
    else current.lines.push(...to.slice(added, (added += count)));
  }
  if (current) out.push(current);
  return out;
}
