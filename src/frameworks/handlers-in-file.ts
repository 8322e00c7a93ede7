// The request handlers of one file, for transforms: what the file declares itself, plus hints from the
// area about functions that are handlers because another file routes to them (controllers passed by name).
// Hints find their function by its start offset, which is the same in every parse of the same text.
import type * as t from '@babel/types';
import { isFunction, type FunctionNode } from '../ast/nodes.js';
import { walk, type Node } from '../ast/walk.js';
import type { Framework, HandlerKind } from '../detect/types.js';
import { findExpressRoutes } from './express-routes.js';
import { findFastifyRoutes } from './fastify-routes.js';
import type { FileScope } from './handler-arg.js';
import { findNextRoutes } from './next-routes.js';
import { requestPropsSetBy } from '../analysis/signed-in-user.js';

export interface HandlerHint {
  /** Start offset of the handler function in the file's LF text (analysis and transforms both parse that). */
  start: number;
  kind: HandlerKind;
  /** `POST /api/chat`, for reports. */
  route: string | null;
  /** Properties the route's middleware puts on the request. */
  requestProps: string[];
}

export interface FileHandler {
  kind: HandlerKind;
  fn: FunctionNode;
  route: string | null;
  requestProps: string[];
}

export function handlersInFile(scope: FileScope, framework: Framework, hints: HandlerHint[] = []): FileHandler[] {
  const own =
    framework === 'express' ? findExpressRoutes(scope, '') : framework === 'fastify' ? findFastifyRoutes(scope, '') : framework === 'next' ? findNextRoutes(scope) : [];
  const out: FileHandler[] = [];
  for (const route of own) {
    if (!route.fn) continue;
    const props = route.middleware.flatMap((name) => localMiddlewareProps(scope.ast, name));
    out.push({ kind: route.kind, fn: route.fn, route: route.path ? `${route.method ?? 'ANY'} ${route.path}` : (route.name ?? null), requestProps: props });
  }
  if (hints.length) {
    const byStart = functionsByStart(scope.ast);
    for (const hint of hints) {
      const fn = byStart.get(hint.start);
      if (!fn) continue;
      const existing = out.find((h) => h.fn === fn);
      if (existing) existing.requestProps = [...new Set([...existing.requestProps, ...hint.requestProps])];
      else out.push({ kind: hint.kind, fn, route: hint.route, requestProps: hint.requestProps });
    }
  }
  return out;
}

/** The innermost handler whose function encloses a node (given the node's ancestors). */
export function enclosingHandler(handlers: FileHandler[], ancestors: readonly Node[]): FileHandler | null {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const hit = handlers.find((h) => h.fn === ancestors[i]);
    if (hit) return hit;
  }
  return null;
}

function functionsByStart(ast: t.File): Map<number, FunctionNode> {
  const map = new Map<number, FunctionNode>();
  walk(ast.program, (node) => {
    if (isFunction(node) && node.start !== null && node.start !== undefined) map.set(node.start, node);
  });
  return map;
}

/** What a middleware declared in this file puts on the request (`requireAuth` → ['user']). */
function localMiddlewareProps(ast: t.File, name: string): string[] {
  let props: string[] = [];
  walk(ast.program, (node) => {
    if (props.length) return 'skip';
    if (node.type === 'FunctionDeclaration' && node.id?.name === name) props = requestPropsSetBy(node);
    else if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.id.name === name && node.init && isFunction(node.init)) props = requestPropsSetBy(node.init);
  });
  return props;
}
