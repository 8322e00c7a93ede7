// Statement-level edits on recast trees: where a node's statement sits, inserting before or after it
// (making a block first when there is none), and the one-per-site TODO(billing-codemod) marker.
import type * as t from '@babel/types';
import { isFunction } from './nodes.js';
import { walk, type Node } from './walk.js';

export const MARKER = 'TODO(billing-codemod)';

export interface StatementSlot {
  statement: t.Statement;
  body: t.Statement[];
  index: number;
}

/**
 * The statement that holds `node`, as a slot in a statement list. When the statement is not in a list
 * (an arrow function's expression body, an `if` without braces), a block is made around it first, so
 * there is always a place to insert beside it. Null when no statement holds the node (a class field).
 */
export function statementSlot(node: Node, ancestors: readonly Node[]): StatementSlot | null {
  const chain = [...ancestors, node];
  for (let i = chain.length - 1; i > 0; i--) {
    const child = chain[i];
    const parent = chain[i - 1] as Node & Record<string, unknown>;
    const list = listHolding(parent, child);
    if (list) return { statement: child as t.Statement, body: list, index: list.indexOf(child as t.Statement) };
    if (parent.type === 'ArrowFunctionExpression' && parent.body === child && child.type !== 'BlockStatement') {
      const ret: t.ReturnStatement = { type: 'ReturnStatement', argument: child as t.Expression } as t.ReturnStatement;
      parent.body = block([ret]);
      reprintCallClosingBelow(parent, chain[i - 2]);
      return { statement: ret, body: (parent.body as t.BlockStatement).body, index: 0 };
    }
    if (isStatement(child) && isBracelessBody(parent, child)) {
      const key = (['consequent', 'alternate', 'body'] as const).find((k) => parent[k] === child) as string;
      // Its old position (same line as the `if`) would otherwise decide its spacing in the new block.
      (child as { loc: unknown }).loc = null;
      parent[key] = block([child as t.Statement]);
      return { statement: child as t.Statement, body: (parent[key] as t.BlockStatement).body, index: 0 };
    }
    if (isFunction(child) || child.type === 'ClassBody') return null;
  }
  return null;
}

/**
 * An arrow passed to a call that closed on a later line (`app.get('/x', (req, res) =>\n  expr,\n);`): once
 * its body is a block, recast would keep that tail (`},\n);`), so the call is printed afresh (`});`).
 * recast reuses a node's original text while the node links to its original; unlinking reprints it.
 */
function reprintCallClosingBelow(arrow: Node, call: Node | undefined): void {
  if (call?.type !== 'CallExpression' || !call.loc || !arrow.loc || call.loc.end.line <= arrow.loc.end.line) return;
  (call as { original?: unknown }).original = null;
}

function listHolding(parent: Node, child: Node): t.Statement[] | null {
  const list = parent.type === 'BlockStatement' || parent.type === 'Program' ? parent.body : parent.type === 'SwitchCase' ? parent.consequent : null;
  return list && list.includes(child as t.Statement) ? list : null;
}

function isStatement(node: Node): boolean {
  return /Statement$|Declaration$/.test(node.type);
}

function isBracelessBody(parent: Node & Record<string, unknown>, child: Node): boolean {
  if (child.type === 'BlockStatement') return false;
  if (parent.type === 'IfStatement') return parent.consequent === child || parent.alternate === child;
  return /^(For|ForIn|ForOf|While|DoWhile)Statement$/.test(parent.type) && parent.body === child;
}

function block(body: t.Statement[]): t.BlockStatement {
  return { type: 'BlockStatement', body, directives: [] } as unknown as t.BlockStatement;
}

export function insertAfter(slot: StatementSlot, statements: t.Statement[]): void {
  slot.body.splice(slot.body.indexOf(slot.statement) + 1, 0, ...statements);
}

export function insertBefore(slot: StatementSlot, statements: t.Statement[]): void {
  slot.body.splice(slot.body.indexOf(slot.statement), 0, ...statements);
}

type Commented = { comments?: Array<{ type: string; value: string; leading?: boolean; trailing?: boolean }> | null; leadingComments?: Array<{ value: string }> | null };

/** Whether a statement already carries our marker (so a second run adds none). */
export function hasMarker(statement: Node): boolean {
  const n = statement as unknown as Commented;
  return [...(n.comments ?? []), ...(n.leadingComments ?? [])].some((c) => c.value.includes(MARKER));
}

/** Puts `// TODO(billing-codemod): message` above the statement, once. Returns false when it was there. */
export function addMarker(statement: Node, message: string): boolean {
  if (hasMarker(statement)) return false;
  const n = statement as unknown as Commented;
  const comment = { type: 'CommentLine', value: ` ${MARKER}: ${message}`, leading: true, trailing: false };
  n.comments = [...(n.comments ?? []), comment];
  return true;
}

/** Marker texts already in a file, for reports on a second run. */
export function markersIn(text: string): Array<{ line: number; message: string }> {
  const out: Array<{ line: number; message: string }> = [];
  text.split('\n').forEach((line, i) => {
    const at = line.indexOf(`${MARKER}:`);
    if (at !== -1) out.push({ line: i + 1, message: line.slice(at + MARKER.length + 1).trim() });
  });
  return out;
}

/**
 * Adds `name` to the object pattern starting at `patternStart` (`({ title }) =>` becomes `({ title, session })`),
 * unless it already binds it. Returns whether the pattern changed. `source` is the text the tree was parsed from.
 *
 * recast prints every object pattern it has to reprint over several lines; to keep the pattern as the app
 * wrote it, the new text is spliced into the original and the node becomes an identifier spelled that way
 * (recast prints an identifier's name verbatim, and keeps its type annotation).
 */
export function addPatternBinding(root: Node, patternStart: number, name: string, source: string): boolean {
  let pattern: t.ObjectPattern | null = null;
  let owner: Node | undefined;
  walk(root, (node, ancestors) => {
    if (pattern || (node.end ?? Infinity) < patternStart || (node.start ?? -1) > patternStart) return 'skip';
    if (node.type === 'ObjectPattern' && node.start === patternStart) {
      pattern = node;
      owner = ancestors[ancestors.length - 1];
    }
  });
  const found = pattern as t.ObjectPattern | null;
  if (!found || found.start === null || found.start === undefined) return false;
  if (found.properties.some((p) => p.type === 'ObjectProperty' && p.key.type === 'Identifier' && p.key.name === name)) return false;
  if (found.properties.some((p) => p.type === 'RestElement')) return false;
  const annotation = found.typeAnnotation as Node | null | undefined;
  const text = source.slice(found.start, annotation?.start ?? found.end ?? found.start).trimEnd();
  const close = text.lastIndexOf('}');
  const inner = text.slice(0, close);
  const body = inner.trimEnd();
  const spacing = inner.slice(body.length);
  const comma = body.endsWith(',');
  const head = comma ? body.slice(0, -1) : body;
  const indent = /\n([ \t]*)[^\n]*$/.exec(head)?.[1];
  const added = indent !== undefined ? `,\n${indent}${name}${comma ? ',' : ''}` : `${head.endsWith('{') ? ' ' : ', '}${name}${comma ? ',' : ''}`;
  let spelled = `${head}${added}${spacing || (head.endsWith('{') ? ' ' : '')}}`;
  // recast prints an arrow's only, untyped identifier parameter without parentheses.
  if (owner?.type === 'ArrowFunctionExpression' && owner.params.length === 1 && !annotation && !owner.returnType) spelled = `(${spelled})`;
  const node = found as unknown as Record<string, unknown>;
  for (const key of ['properties', 'decorators']) delete node[key];
  Object.assign(node, { type: 'Identifier', name: spelled });
  return true;
}
