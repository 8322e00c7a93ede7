// A small depth-first walk over Babel-shaped ASTs (plain Babel, recast and jscodeshift trees alike) that
// hands each node its ancestor chain, so helpers can ask "which handler am I in?" without paths.
import type { Node } from '@babel/types';
import { VISITOR_KEYS } from './visitor-keys.js';

export type { Node };
export type Visitor = (node: Node, ancestors: readonly Node[]) => void | 'skip';

export function walk(root: Node, visit: Visitor): void {
  const ancestors: Node[] = [];
  const step = (node: Node) => {
    if (visit(node, ancestors) === 'skip') return;
    const keys = VISITOR_KEYS[node.type];
    if (!keys) return;
    ancestors.push(node);
    for (const key of keys) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) step(item);
      } else if (isNode(child)) step(child);
    }
    ancestors.pop();
  };
  step(root);
}

export function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

export interface Found<T extends Node = Node> {
  node: T;
  ancestors: Node[];
}

/** Every node matching `test`, each with a copy of its ancestor chain (outermost first). */
export function findAll<T extends Node>(root: Node, test: (node: Node) => node is T): Found<T>[];
export function findAll(root: Node, test: (node: Node) => boolean): Found[];
export function findAll(root: Node, test: (node: Node) => boolean): Found[] {
  const out: Found[] = [];
  walk(root, (node, ancestors) => {
    if (test(node)) out.push({ node, ancestors: [...ancestors] });
  });
  return out;
}

/** Whether `target` is `root` itself or nested somewhere under it. */
export function contains(root: Node, target: Node): boolean {
  let found = false;
  walk(root, (node) => {
    if (found) return 'skip';
    if (node === target) found = true;
  });
  return found;
}
