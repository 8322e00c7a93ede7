// Express route declarations: `app.post(path, ...middleware, handler)`, routers, and
// `router.route(path).post(handler)` chains.
import type * as t from '@babel/types';
import { lineOf, stringValue } from '../ast/nodes.js';
import { walk, type Node } from '../ast/walk.js';
import { middlewareNames, resolveHandlerArg, type FileScope } from './handler-arg.js';
import type { RouteHandler } from './types.js';

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all']);
/** Names apps give their Express app or routers, used when the variable's origin is out of view. */
const ROUTER_NAME = /^(app|api|server|router|routes|\w+(Router|Routes|App))$/;

export function findExpressRoutes(scope: FileScope, prefix: string): RouteHandler[] {
  const routers = expressInstances(scope);
  const importsExpress = scope.imports.some((i) => i.source === 'express');
  const local = localMounts(scope);
  const routes: RouteHandler[] = [];
  walk(scope.ast.program, (node, ancestors) => {
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || node.callee.property.type !== 'Identifier') return;
    const method = node.callee.property.name;
    if (!METHODS.has(method)) return;
    const declared = declaredPath(node);
    if (!declared) return;
    const receiver = declared.receiver;
    const known = receiver.type === 'Identifier' && (routers.has(receiver.name) || (ROUTER_NAME.test(receiver.name) && (importsExpress || routers.size === 0)));
    if (!known && !declared.viaRoute) return;
    const handlerArgs = declared.args;
    if (handlerArgs.length === 0) return;
    const last = handlerArgs[handlerArgs.length - 1] as Node;
    const resolved = resolveHandlerArg(last, [...ancestors, node], scope);
    if (!resolved) return;
    routes.push({
      kind: 'express-route',
      file: scope.file,
      line: lineOf(node),
      method: method === 'all' ? null : method.toUpperCase(),
      path: declared.path === null ? null : joinPath(joinPath(prefix, receiver.type === 'Identifier' ? local(receiver.name) : ''), declared.path),
      ...resolved,
      middleware: middlewareNames(handlerArgs.slice(0, -1) as Node[]),
    });
  });
  return routes;
}

/**
 * `X.post('/p', ...handlers)` → receiver X, path '/p', the handler arguments; or, for
 * `X.route('/p').get(a).post(b)`, the receiver X of `.route` and its path.
 */
function declaredPath(call: t.CallExpression): { receiver: Node; path: string | null; args: Node[]; viaRoute: boolean } | null {
  const callee = call.callee as t.MemberExpression;
  const first = call.arguments[0] as Node | undefined;
  const path = first ? stringValue(first) : null;
  if (path !== null && path.startsWith('/')) return { receiver: callee.object, path, args: call.arguments.slice(1) as Node[], viaRoute: false };
  // Chained: walk down `.get(a).post(b)` to the `.route(path)` call.
  let object: Node = callee.object;
  while (object.type === 'CallExpression' && object.callee.type === 'MemberExpression') {
    const name = object.callee.property.type === 'Identifier' ? object.callee.property.name : '';
    if (name === 'route') {
      const routePath = stringValue(object.arguments[0] as Node);
      return routePath === null ? null : { receiver: object.callee.object, path: routePath, args: call.arguments as Node[], viaRoute: true };
    }
    if (!METHODS.has(name)) return null;
    object = object.callee.object;
  }
  return null;
}

/**
 * Prefixes of routers mounted in the file that declares them: `const v2 = Router(); ...;
 * router.use('/v2', v2)`. Routers imported from elsewhere are mounted through routes.ts instead.
 */
function localMounts(scope: FileScope): (name: string) => string {
  const imported = new Set(scope.imports.map((i) => i.local));
  const mounts = new Map<string, { parent: string | null; path: string }>();
  walk(scope.ast.program, (node) => {
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || node.callee.property.type !== 'Identifier') return;
    if (node.callee.property.name !== 'use' || node.arguments.length < 2) return;
    const path = stringValue(node.arguments[0] as Node);
    const last = node.arguments[node.arguments.length - 1];
    if (path === null || last.type !== 'Identifier' || imported.has(last.name)) return;
    mounts.set(last.name, { parent: node.callee.object.type === 'Identifier' ? node.callee.object.name : null, path });
  });
  const prefixOf = (name: string, depth: number): string => {
    const mount = mounts.get(name);
    if (!mount || depth > 5) return '';
    return joinPath(mount.parent ? prefixOf(mount.parent, depth + 1) : '', mount.path);
  };
  return (name) => prefixOf(name, 0);
}

/** Variables holding `express()`, `express.Router()` or `Router()` in this file. */
function expressInstances(scope: FileScope): Set<string> {
  const express = new Set(scope.imports.filter((i) => i.source === 'express').map((i) => i.local));
  const out = new Set<string>();
  walk(scope.ast.program, (node) => {
    if (node.type !== 'VariableDeclarator' || node.id.type !== 'Identifier' || !node.init) return;
    const init = node.init.type === 'NewExpression' || node.init.type === 'CallExpression' ? node.init : null;
    if (!init) return;
    const callee = init.callee;
    const made =
      (callee.type === 'Identifier' && express.has(callee.name)) ||
      (callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && express.has(callee.object.name)) ||
      (callee.type === 'CallExpression' && callee.callee.type === 'Identifier' && callee.callee.name === 'require');
    if (made) out.add(node.id.name);
  });
  return out;
}

export function joinPath(prefix: string, path: string): string {
  if (!prefix) return path;
  const joined = `${prefix.replace(/\/$/, '')}/${path.replace(/^\//, '')}`;
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}
