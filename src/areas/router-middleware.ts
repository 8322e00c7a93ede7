// Express middleware a router applies to every route declared after it (`chatRouter.use(requireAuth)`),
// and what a middleware puts on the request, followed into the file that defines it. Route declarations
// only list their own middleware; this adds the router's, so a handler behind `requireAuth` knows `req.user`.
import type * as t from '@babel/types';
import { findExportedFunction, findLocalFunction } from '../ast/exports.js';
import { collectImports } from '../ast/imports.js';
import { stringValue } from '../ast/nodes.js';
import { walk } from '../ast/walk.js';
import type { DetectedPackage } from '../detect/stack.js';
import { middlewareNames } from '../frameworks/handler-arg.js';
import type { FileHandler } from '../frameworks/handlers-in-file.js';
import { requestPropsSetBy } from '../analysis/signed-in-user.js';

/** What the middleware called `name` in `file` puts on the request (`['user']`). */
export type MiddlewareProps = (file: string, name: string) => string[];

/** Adds to each handler the props set by `X.use(middleware)` calls written before it in the file. */
export function addRouterMiddleware(ast: t.File, file: string, handlers: FileHandler[], propsOf: MiddlewareProps): void {
  const uses: Array<{ end: number; props: string[] }> = [];
  walk(ast.program, (node) => {
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || node.callee.property.type !== 'Identifier' || node.callee.property.name !== 'use') return;
    const args = node.arguments as t.Expression[];
    // `app.use('/api', router)` mounts; `app.use(express.json())` builds middleware we cannot read.
    if (args.length === 0 || stringValue(args[0]) !== null || args.some((a) => a.type !== 'Identifier' && a.type !== 'MemberExpression')) return;
    const props = middlewareNames(args).flatMap((name) => propsOf(file, name));
    if (props.length) uses.push({ end: node.end ?? 0, props });
  });
  for (const handler of handlers) {
    const extra = uses.filter((u) => u.end <= (handler.fn.start ?? 0)).flatMap((u) => u.props);
    if (extra.length) handler.requestProps = [...new Set([...handler.requestProps, ...extra])];
  }
}

/** Middleware props for a package: a function of the file itself, or one imported from another file. */
export function middlewarePropsOf(pkg: DetectedPackage): MiddlewareProps {
  const cache = new Map<string, string[]>();
  return (file, name) => {
    const key = `${file}#${name}`;
    if (!cache.has(key)) cache.set(key, lookUp(pkg, file, name));
    return cache.get(key) as string[];
  };
}

function lookUp(pkg: DetectedPackage, file: string, name: string): string[] {
  const ast = pkg.ctx.parse(file);
  if (!ast) return [];
  const [head, member] = name.split('.');
  const local = member ? null : findLocalFunction(ast, head);
  if (local) return requestPropsSetBy(local.fn);
  const imp = collectImports(ast).find((i) => i.local === head && !i.typeOnly);
  const target = imp ? pkg.ctx.resolve(file, imp.source) : null;
  const targetAst = target ? pkg.ctx.parse(target) : null;
  if (!imp || !targetAst) return [];
  const found = findExportedFunction(targetAst, member ?? (imp.imported === '*' ? 'default' : imp.imported));
  return found ? requestPropsSetBy(found.fn) : [];
}
