// All request handlers of a package, across files: runs the framework's route finder on the files that
// can declare routes, applies mount prefixes (`app.use('/api', router)`, `register(plugin, { prefix })`),
// and follows handlers passed by name into the files that define them.
import { basename } from 'node:path';
import type * as t from '@babel/types';
import { findExportedFunction } from '../ast/exports.js';
import { collectImports } from '../ast/imports.js';
import { getPropertyValue, stringValue } from '../ast/nodes.js';
import { walk } from '../ast/walk.js';
import type { PackageContext } from '../detect/package-context.js';
import type { Framework } from '../detect/types.js';
import { findExpressRoutes, joinPath } from './express-routes.js';
import { findFastifyRoutes, inlinePrefix } from './fastify-routes.js';
import type { FileScope } from './handler-arg.js';
import { findNextRoutes, isNextRouteFile, isPagesApiFile } from './next-routes.js';
import type { RouteHandler } from './types.js';

// A route is a verb call whose first argument is its path, a literal the route finders can read: a string or
// a template without `${}` that starts with `/` or is empty (`'/signup'`, ``` `/users` ```, Fastify's `''`),
// followed by a handler; or `route('/x')` / `route({ url })`. TypeScript apps often pass type arguments:
// `fastify.post<{ Body: Signup }>('/signup', ...)`. The comma after the path is what leaves out
// `map.get(path)` and `api.get('/users')`. A path the finders cannot read (a constant, a regex, a template
// with `${}`: `httpService.post(url, body)`) makes no route, so such a file is not parsed for one.
const DECLARES_ROUTE =
  /\.(?:(?:get|post|put|patch|delete|all|options|head)\s*(?:<[^()]*?>)?\s*\(\s*(?:'(?:\/[^'\n]*)?'|"(?:\/[^"\n]*)?"|`(?:\/(?:[^`$]|\$(?!\{))*)?`)\s*,|route\s*(?:<[^()]*?>)?\s*\()/;
const USE_SERVER = /['"]use server['"]/;

/** Whether a file can declare request handlers in this framework (a text test; the parse decides). */
export function mayDeclareRoutes(framework: Framework, file: string, text: string): boolean {
  if (framework === 'next') return isNextRouteFile(file) || isPagesApiFile(file) || (text.includes('use server') && USE_SERVER.test(text));
  return framework !== 'unknown' && DECLARES_ROUTE.test(text);
}

export function fileScope(ctx: PackageContext, file: string, ast: t.File): FileScope {
  return { file, ast, imports: collectImports(ast), resolve: ctx.resolve };
}

/** Every route handler of the package, with handlers passed by name resolved to their functions. */
export function findRoutes(ctx: PackageContext, framework: Framework, only?: (file: string, text: string) => boolean): RouteHandler[] {
  const find = framework === 'express' ? findExpressRoutes : framework === 'fastify' ? findFastifyRoutes : framework === 'next' ? findNextRoutes : null;
  if (!find) return [];
  const prefixOf = framework === 'express' || framework === 'fastify' ? mountPrefixes(ctx, framework) : () => '';
  const routes: RouteHandler[] = [];
  for (const [file, text] of ctx.sources) {
    if (!mayDeclareRoutes(framework, file, text) || (only && !only(file, text))) continue;
    const ast = ctx.parse(file);
    if (!ast) continue;
    const scope = fileScope(ctx, file, ast);
    // Mounts are looked for once a file declares a route: a package without one (a library, a CLI) parses
    // none of the files that call `.use('/...')`.
    const found = find(scope, '');
    const prefix = found.length > 0 ? prefixOf(file) : '';
    routes.push(...(prefix ? find(scope, prefix) : found));
  }
  return routes.map((route) => followRef(ctx, route));
}

/** A handler passed by name: find its function in the file that exports it. */
function followRef(ctx: PackageContext, route: RouteHandler): RouteHandler {
  if (route.fn || !route.ref) return route;
  // Through barrels (`export { register } from './auth.controller'`) to the file that defines it.
  const origin = ctx.origin(route.ref.file, route.ref.exportName);
  if (origin.file !== route.ref.file || origin.name !== route.ref.exportName) route = { ...route, ref: { file: origin.file, exportName: origin.name } };
  const ref = route.ref as NonNullable<typeof route.ref>;
  const ast = ctx.parse(ref.file);
  const found = ast ? findExportedFunction(ast, ref.exportName) : null;
  return found ? { ...route, fn: found.fn, fnAncestors: found.ancestors } : route;
}

interface Mount {
  from: string;
  to: string;
  prefix: string;
}

/**
 * The prefix under which a file's routes are mounted. Express: `app.use('/api', router)` where `router` is
 * imported; Fastify: `app.register(plugin, { prefix: '/api' })`. Nested mounts compose. Nothing is read
 * before the first question, then only the files that mount something and name the file asked about (its
 * import says `./auth` for `auth.ts`) are parsed.
 */
function mountPrefixes(ctx: PackageContext, framework: 'express' | 'fastify'): (file: string) => string {
  const mount = framework === 'express' ? /\.use\s*\(\s*['"`]\// : /\.register\s*\([\s\S]*?prefix/;
  let mounting: Array<[string, string]> | null = null;
  // An alias to one file (`"@auth": ["src/auth/router.ts"]`) imports it by another name: read every mount.
  const anyName = Object.keys(ctx.aliases).some((alias) => !alias.includes('*'));
  const mountsIn = new Map<string, Mount[]>();
  const mountsOf = (file: string) => {
    let found = mountsIn.get(file);
    if (!found) mountsIn.set(file, (found = fileMounts(ctx, framework, file)));
    return found;
  };
  const parentOf = (file: string): Mount | undefined => {
    const stem = basename(file).replace(/\.[^.]*$/, '');
    mounting ??= ctx.sources.filter(([, text]) => mount.test(text));
    for (const [from, text] of mounting) {
      if (!anyName && stem !== 'index' && !text.includes(stem)) continue;
      const found = mountsOf(from).find((m) => m.to === file);
      if (found) return found;
    }
    return undefined;
  };
  const prefixOf = (file: string, depth: number): string => {
    if (depth > 5) return '';
    const parent = parentOf(file);
    return parent ? joinPath(prefixOf(parent.from, depth + 1), parent.prefix) : '';
  };
  return (file) => prefixOf(file, 0);
}

/** The mounts a file makes, in source order. */
function fileMounts(ctx: PackageContext, framework: 'express' | 'fastify', file: string): Mount[] {
  const ast = ctx.parse(file);
  if (!ast) return [];
  const mounts: Mount[] = [];
  const imports = collectImports(ast);
  walk(ast.program, (node, ancestors) => {
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || node.callee.property.type !== 'Identifier') return;
    const method = node.callee.property.name;
    const args = node.arguments;
    let prefix: string | null = null;
    let target: t.Node | undefined;
    if (framework === 'express' && method === 'use' && args.length >= 2) {
      prefix = stringValue(args[0]);
      target = args[args.length - 1];
    } else if (framework === 'fastify' && method === 'register' && args.length >= 2) {
      const own = stringValue(getPropertyValue(args[1], 'prefix'));
      prefix = own === null ? null : joinPath(inlinePrefix(ancestors), own);
      target = args[0];
    }
    if (prefix === null || !target) return;
    // `register(import('./routes/auth.js'))` and `require('./routes/auth')` inline count too.
    const inline = target.type === 'CallExpression' || target.type === 'ImportExpression' ? stringValue((target as t.CallExpression).arguments?.[0] ?? (target as unknown as { source: t.Node }).source) : null;
    const name = target.type === 'Identifier' ? target.name : null;
    const specifier = inline ?? imports.find((i) => i.local === name)?.source ?? null;
    const to = specifier ? ctx.resolve(file, specifier) : null;
    if (to) mounts.push({ from: file, to, prefix });
  });
  return mounts;
}
