// Whether two texts are the same program: the check that lets a pass rewrite spacing, quotes or semicolons
// and prove it changed nothing else.
import { parseSource } from './parse.js';

const IGNORED = new Set(['start', 'end', 'loc', 'range', 'extra', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'tokens', 'errors']);

/** Whether `a` and `b` parse to the same tree (positions, parentheses and spelling aside); with `comments`, also the same comments. */
export function sameTree(path: string, a: string, b: string, options: { comments?: boolean } = {}): boolean {
  try {
    const [ta, tb] = [parseSource(path, a), parseSource(path, b)];
    const comments = (file: typeof ta) => (file.comments ?? []).map((c) => c.value.trim()).sort().join('\u0000');
    return equalNodes(ta, tb) && (!options.comments || comments(ta) === comments(tb));
  } catch {
    return false;
  }
}

function equalNodes(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => equalNodes(x, (b as unknown[])[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(ra), ...Object.keys(rb)])) {
    if (IGNORED.has(key)) continue;
    if (!equalNodes(ra[key], rb[key])) return false;
  }
  return true;
}
