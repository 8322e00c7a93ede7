// Next.js request handlers: app router `route.ts` exports (GET, POST, ...), server actions (a 'use server'
// file's exports, or functions with the directive inline), and pages router `pages/api/**` handlers.
import type * as t from '@babel/types';
import { findExportedFunction, findLocalFunction, functionIn } from '../ast/exports.js';
import { functionName, isFunction, lineOf, stringValue, type FunctionNode } from '../ast/nodes.js';
import { walk, type Node } from '../ast/walk.js';
import type { FileScope } from './handler-arg.js';
import type { RouteHandler } from './types.js';

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const ROUTE_FILE = /(^|\/)app\/(.+\/)?route\.[cm]?[jt]sx?$/;
const PAGES_API_FILE = /(^|\/)pages\/api\/.+\.[cm]?[jt]sx?$/;

export function isNextRouteFile(file: string): boolean {
  return ROUTE_FILE.test(file);
}

export function isPagesApiFile(file: string): boolean {
  return PAGES_API_FILE.test(file);
}

/** URL path of an app-router or pages-router file: route groups dropped, index folded. */
export function urlPathOf(file: string): string {
  const m = /(?:^|\/)(?:app|pages)\/(.*)$/.exec(file);
  const parts = (m?.[1] ?? '').split('/');
  parts.pop();
  const last = file.replace(/^.*\//, '').replace(/\.[cm]?[jt]sx?$/, '');
  if (!/^(route|index)$/.test(last)) parts.push(last);
  return `/${parts.filter((p) => p && !/^\(.*\)$/.test(p)).join('/')}`;
}

export function findNextRoutes(scope: FileScope): RouteHandler[] {
  const routes: RouteHandler[] = [];
  if (isNextRouteFile(scope.file)) {
    for (const method of HTTP_METHODS) {
      const found = findExportedFunction(scope.ast, method);
      if (found) routes.push(route('next-route-handler', scope, found.fn, found.ancestors, method, urlPathOf(scope.file), method));
    }
  }
  if (isPagesApiFile(scope.file)) {
    const found = defaultHandler(scope.ast);
    if (found) routes.push(route('next-pages-api', scope, found.fn, found.ancestors, guardedMethod(found.fn), urlPathOf(scope.file), 'default'));
  }
  routes.push(...findServerActions(scope));
  return routes;
}

function route(kind: RouteHandler['kind'], scope: FileScope, fn: RouteHandler['fn'], ancestors: Node[], method: string | null, path: string | null, name: string): RouteHandler {
  return { kind, file: scope.file, line: fn ? lineOf(fn) : 0, method, path, fn, fnAncestors: ancestors, middleware: [], name };
}

/** `export default function handler`, `export default handler`, `export default withSession(handler)`. */
function defaultHandler(ast: t.File) {
  const direct = findExportedFunction(ast, 'default');
  if (direct) return direct;
  for (const stmt of ast.program.body) {
    if (stmt.type !== 'ExportDefaultDeclaration') continue;
    const decl = stmt.declaration as Node;
    const wrapped = functionIn(decl, [ast.program, stmt]);
    if (wrapped) return { ...wrapped, localName: null };
    for (const name of wrappedNames(decl)) {
      const found = findLocalFunction(ast, name);
      if (found) return found;
    }
  }
  return null;
}

/** Names passed into wrappers, outermost first: `withSession(withRateLimit(handler, opts))` → handler. */
function wrappedNames(expr: Node): string[] {
  if (expr.type !== 'CallExpression') return [];
  return expr.arguments.flatMap((a) => (a.type === 'Identifier' ? [a.name] : wrappedNames(a as Node)));
}

/**
 * The one method a pages API handler accepts, from its early guard: `if (req.method !== 'POST') return
 * res.status(405).end()`. Null when the handler branches on the method or does not check it.
 */
function guardedMethod(fn: FunctionNode): string | null {
  if (fn.body.type !== 'BlockStatement') return null;
  for (const stmt of fn.body.body) {
    if (stmt.type !== 'IfStatement' || stmt.test.type !== 'BinaryExpression' || !/^!==?$/.test(stmt.test.operator)) continue;
    const { left, right } = stmt.test;
    const isMethod = (n: Node) => n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier' && n.property.name === 'method';
    const literal = isMethod(left) ? stringValue(right) : isMethod(right as Node) ? stringValue(left as Node) : null;
    const exits = (n: t.Statement): boolean => n.type === 'ReturnStatement' || n.type === 'ThrowStatement' || (n.type === 'BlockStatement' && n.body.some(exits));
    if (literal && exits(stmt.consequent)) return literal.toUpperCase();
  }
  return null;
}

function hasDirective(directives: t.Directive[] | undefined, value: string): boolean {
  return !!directives?.some((d) => d.value.value === value);
}

export function isUseServerFile(ast: t.File): boolean {
  return hasDirective(ast.program.directives, 'use server');
}

/** Exported functions of a 'use server' file, and functions carrying the directive themselves. */
function findServerActions(scope: FileScope): RouteHandler[] {
  const out: RouteHandler[] = [];
  const seen = new Set<Node>();
  if (isUseServerFile(scope.ast)) {
    for (const name of exportedNames(scope.ast)) {
      const found = findExportedFunction(scope.ast, name);
      if (!found || seen.has(found.fn)) continue;
      seen.add(found.fn);
      out.push(route('next-server-action', scope, found.fn, found.ancestors, 'POST', null, name));
    }
  }
  walk(scope.ast.program, (node, ancestors) => {
    if (!isFunction(node) || seen.has(node) || node.body.type !== 'BlockStatement') return;
    if (!hasDirective(node.body.directives, 'use server')) return;
    seen.add(node);
    out.push(route('next-server-action', scope, node, [...ancestors], 'POST', null, functionName(node, ancestors) ?? '(inline)'));
  });
  return out;
}

function exportedNames(ast: t.File): string[] {
  const names: string[] = [];
  for (const stmt of ast.program.body) {
    if (stmt.type === 'ExportNamedDeclaration') {
      const decl = stmt.declaration;
      if (decl?.type === 'FunctionDeclaration' && decl.id) names.push(decl.id.name);
      if (decl?.type === 'VariableDeclaration') for (const d of decl.declarations) if (d.id.type === 'Identifier') names.push(d.id.name);
      for (const spec of stmt.specifiers) if (spec.type === 'ExportSpecifier') names.push(spec.exported.type === 'Identifier' ? spec.exported.name : spec.exported.value);
    } else if (stmt.type === 'ExportDefaultDeclaration') names.push('default');
  }
  return names;
}
