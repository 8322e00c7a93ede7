// Helpers every customers step shares: finding a target's node again by its start offset, telling an
// integrated site from a new one, and leaving one marker plus a manual step where the tool stops.
import { addMarker, markersIn } from '../../ast/edit.js';
import { enclosingStatement, type FunctionNode } from '../../ast/nodes.js';
import { walk, type Node } from '../../ast/walk.js';
import { applyStyle } from '../../ast/style.js';
import { ENSURE_CUSTOMER } from './customer-call.js';
import type { FileEdit } from './types.js';

export interface Located<T extends Node = Node> {
  node: T;
  ancestors: Node[];
}

/** The node of a given type that starts at `start`, with its ancestors. */
export function nodeAt<T extends Node>(root: Node, start: number, test: (node: Node) => node is T): Located<T> | null {
  let found: Located<T> | null = null;
  walk(root, (node, ancestors) => {
    if (found) return 'skip';
    if ((node.end ?? Infinity) < start || (node.start ?? -1) > start) return 'skip';
    if (node.start === start && test(node)) found = { node, ancestors: [...ancestors] };
  });
  return found;
}

/** Whether `node` already calls ensureCustomer (a second run, or an app integrated by hand). */
export function callsEnsureCustomer(node: Node): boolean {
  let found = false;
  walk(node, (n) => {
    if (found) return 'skip';
    if (n.type === 'CallExpression' || n.type === 'OptionalCallExpression') {
      const callee = n.callee;
      const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : '';
      if (name === ENSURE_CUSTOMER) found = true;
    }
  });
  return found;
}

/** Markers this tool left inside `node` on an earlier run: still work for a person, so still reported. */
export function reportMarkersWithin(edit: FileEdit, node: Node): void {
  const offset = edit.source.slice(0, node.start ?? 0).split('\n').length - 1;
  for (const marker of markersIn(edit.source.slice(node.start ?? 0, node.end ?? 0))) {
    edit.reporter.manual(offset + marker.line, marker.message);
  }
}

export interface Stop {
  /** The statement to mark. */
  statement: Node | null;
  line: number;
  /** Why the site was not (fully) edited: the skipped entry. Omitted when the site was edited in part. */
  reason?: string;
  /** What a person should do: the manual step and the marker. */
  message: string;
  /** Code to paste, in house style (the file's style is applied here). */
  snippet?: string;
}

/** Reports a site the tool stopped at: skipped (when it was not edited), one marker, and a manual step. */
export function stopAt(edit: FileEdit, stop: Stop): void {
  if (stop.reason) edit.reporter.skip(stop.line, stop.reason);
  const snippet = stop.snippet ? applyStyle(stop.snippet, edit.style) : undefined;
  edit.reporter.manual(stop.line, stop.message, snippet);
  if (stop.statement && addMarker(stop.statement, stop.message)) edit.changed = true;
}

/** The statement a function is written in (`export async function signup`, `router.post('/x', ...)`). */
export function statementOfFunction(found: Located<FunctionNode>): Node | null {
  return enclosingStatement(found.node, found.ancestors)?.statement ?? null;
}
