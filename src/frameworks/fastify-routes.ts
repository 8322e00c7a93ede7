// Fastify route declarations: `fastify.post(url, [opts], handler)`, `fastify.post(url, { handler })`
// and `fastify.route({ method, url, handler })`, inside plugins whose prefix comes from `register`.
import type * as t from '@babel/types';
import { getPropertyValue, isFunction, lineOf, stringValue } from '../ast/nodes.js';
import { walk, type Node } from '../ast/walk.js';
import { joinPath } from './express-routes.js';
import { middlewareNames, resolveHandlerArg, type FileScope } from './handler-arg.js';
import type { RouteHandler } from './types.js';

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'head', 'options']);

export function findFastifyRoutes(scope: FileScope, prefix: string): RouteHandler[] {
  const routes: RouteHandler[] = [];
  walk(scope.ast.program, (node, ancestors) => {
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || node.callee.property.type !== 'Identifier') return;
    const name = node.callee.property.name;
    const here = [...ancestors, node];
    const route = name === 'route' ? fromRouteObject(node, here) : METHODS.has(name) ? fromShorthand(node, name, here) : null;
    if (!route) return;
    const resolved = resolveHandlerArg(route.handler, route.handlerAncestors, scope);
    if (!resolved) return;
    routes.push({
      kind: 'fastify-route',
      file: scope.file,
      line: lineOf(node),
      method: route.method,
      path: route.url === null ? null : joinPath(joinPath(prefix, inlinePrefix(ancestors)), route.url),
      ...resolved,
      middleware: route.options ? hookNames(route.options) : [],
    });
  });
  return routes;
}

/**
 * The prefix of plugins written inline around a node: `app.register(async (api) => { api.post(...) },
 * { prefix: '/v1' })`. Nested inline plugins compose, outermost first.
 */
export function inlinePrefix(ancestors: readonly Node[]): string {
  let prefix = '';
  for (let i = 1; i < ancestors.length; i++) {
    const fn = ancestors[i];
    const call = ancestors[i - 1];
    if (!isFunction(fn) || call.type !== 'CallExpression' || call.arguments[0] !== fn) continue;
    if (call.callee.type !== 'MemberExpression' || call.callee.property.type !== 'Identifier' || call.callee.property.name !== 'register') continue;
    const own = stringValue(getPropertyValue(call.arguments[1] as Node | undefined, 'prefix'));
    if (own) prefix = joinPath(prefix, own);
  }
  return prefix;
}

interface Declared {
  method: string | null;
  url: string | null;
  handler: Node;
  handlerAncestors: Node[];
  options: t.ObjectExpression | null;
}

function fromShorthand(call: t.CallExpression, method: string, ancestors: Node[]): Declared | null {
  const [first, second, third] = call.arguments as Node[];
  const url = first ? stringValue(first) : null;
  if (url === null || (!url.startsWith('/') && url !== '')) return null;
  const upper = method === 'all' ? null : method.toUpperCase();
  if (third) return { method: upper, url, handler: third, handlerAncestors: ancestors, options: second?.type === 'ObjectExpression' ? second : null };
  if (second?.type === 'ObjectExpression') {
    const handler = getPropertyValue(second, 'handler');
    return handler ? { method: upper, url, handler, handlerAncestors: [...ancestors, second], options: second } : null;
  }
  return second ? { method: upper, url, handler: second, handlerAncestors: ancestors, options: null } : null;
}

function fromRouteObject(call: t.CallExpression, ancestors: Node[]): Declared | null {
  const options = call.arguments[0];
  if (options?.type !== 'ObjectExpression') return null;
  const handler = getPropertyValue(options, 'handler');
  const methodNode = getPropertyValue(options, 'method');
  if (!handler || !methodNode) return null;
  const methods = methodNode.type === 'ArrayExpression' ? methodNode.elements.map((e) => stringValue(e as Node)) : [stringValue(methodNode)];
  const method = methods.includes('POST') || methods.includes('post') ? 'POST' : (methods[0]?.toUpperCase() ?? null);
  return { method, url: stringValue(getPropertyValue(options, 'url') ?? getPropertyValue(options, 'path')), handler, handlerAncestors: [...ancestors, options], options };
}

/** preHandler / onRequest hooks on a route, by name (`fastify.authenticate`, `requireAdmin`). */
function hookNames(options: t.ObjectExpression): string[] {
  const out: string[] = [];
  for (const key of ['preHandler', 'onRequest', 'preValidation']) {
    const value = getPropertyValue(options, key);
    if (!value) continue;
    out.push(...middlewareNames(value.type === 'ArrayExpression' ? (value.elements.filter(Boolean) as Node[]) : [value]));
  }
  return out;
}
