// Package-wide facts a single-file transform cannot see, handed to it as hints: which functions are
// request handlers because some other file routes to them, and what each route's middleware puts on the
// request (`requireAuth` in middleware/auth.ts sets `req.user`).
import { findExportedFunction, findLocalFunction } from '../ast/exports.js';
import { collectImports } from '../ast/imports.js';
import { stringValue } from '../ast/nodes.js';
import { walk } from '../ast/walk.js';
import type { DetectedPackage } from '../detect/stack.js';
import type { HandlerHint } from '../frameworks/handlers-in-file.js';
import { requestPropsSetBy } from '../analysis/signed-in-user.js';
import { describeRoute, type RouteHandler } from '../frameworks/types.js';

export function handlerHints(pkg: DetectedPackage): Map<string, HandlerHint[]> {
  const decorated = decoratedRequestProps(pkg);
  const hints = new Map<string, HandlerHint[]>();
  for (const route of pkg.routes()) {
    if (!route.fn || route.fn.start === null || route.fn.start === undefined) continue;
    const file = route.ref?.file ?? route.file;
    const props = [...new Set([...middlewareProps(pkg, route), ...decorated])];
    const hint: HandlerHint = { start: route.fn.start, kind: route.kind, route: describeRoute(route), requestProps: props };
    hints.set(file, [...(hints.get(file) ?? []), hint]);
  }
  return hints;
}

/** Props set by each middleware of a route, following imported middleware into its file. */
function middlewareProps(pkg: DetectedPackage, route: RouteHandler): string[] {
  const ast = pkg.ctx.parse(route.file);
  if (!ast || route.middleware.length === 0) return [];
  const imports = collectImports(ast);
  const props: string[] = [];
  for (const name of route.middleware) {
    const [head, member] = name.split('.');
    const local = member ? null : findLocalFunction(ast, head);
    if (local) {
      props.push(...requestPropsSetBy(local.fn));
      continue;
    }
    const imp = imports.find((i) => i.local === head);
    const file = imp ? pkg.ctx.resolve(route.file, imp.source) : null;
    const target = file ? pkg.ctx.parse(file) : null;
    if (!imp || !file || !target) continue;
    const exportName = member ?? (imp.imported === '*' ? 'default' : imp.imported);
    const found = findExportedFunction(target, exportName);
    if (found) props.push(...requestPropsSetBy(found.fn));
  }
  return props;
}

/** Fastify `decorateRequest('user', ...)` anywhere in the package: every request carries that prop. */
function decoratedRequestProps(pkg: DetectedPackage): string[] {
  if (pkg.info.framework !== 'fastify') return [];
  const props = new Set<string>();
  for (const [file, text] of pkg.ctx.sources) {
    if (!text.includes('decorateRequest')) continue;
    const ast = pkg.ctx.parse(file);
    if (!ast) continue;
    walk(ast.program, (node) => {
      if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') return;
      if (node.callee.property.type !== 'Identifier' || node.callee.property.name !== 'decorateRequest') return;
      const name = stringValue(node.arguments[0]);
      if (name) props.add(name);
    });
  }
  return [...props];
}
