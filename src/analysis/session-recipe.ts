// How a new route of this app learns who is signed in, learned from a route that already does: the guard in
// front of it (Express middleware, a Fastify preHandler), the statements that read the session
// (`const session = await auth();`) with the imports they use, and the id expression. A new route
// (the billing portal, the balance) is then written the way the app's own routes are.
import type * as t from '@babel/types';
import { collectImports } from '../ast/imports.js';
import { isFunction, type FunctionNode } from '../ast/nodes.js';
import { walk, type Node } from '../ast/walk.js';
import { paramName, type UserRef } from './signed-in-user.js';

export type RecipeRole = 'express' | 'fastify' | 'next' | 'pages';

/** The parameter names generated handlers use, per role: the recipe's code is written with them. */
export const HANDLER_PARAMS: Record<RecipeRole, [string, string]> = {
  express: ['req', 'res'],
  fastify: ['request', 'reply'],
  next: ['request', 'context'],
  pages: ['req', 'res'],
};

/** The Fastify plugin's own parameter in generated plugins (`fastify.authenticate` keeps working). */
export const PLUGIN_PARAM = 'fastify';

export interface RecipeImport {
  local: string;
  /** The exported name, `default`, or `*` for a namespace import. */
  imported: string;
  /** The specifier as the source file writes it, and that file (relative specifiers are rewritten from it). */
  specifier: string;
  fromFile: string;
}

export interface SessionRecipe {
  role: RecipeRole;
  /** Middleware (Express) or preHandler hooks (Fastify) to put in front of the new routes, as code. */
  guards: string[];
  /** Statements that read the session, in source order, written with HANDLER_PARAMS. */
  statements: string[];
  imports: RecipeImport[];
  /** The signed-in user's id, written with HANDLER_PARAMS. */
  id: string;
  /** Where it was learned (`POST /api/chat in src/routes/chat.ts`). */
  from: string;
  /**
   * A wrapper that hands the handler its session (`export default apiMiddleware(['POST'], handler)` calling
   * `handler(req, res, session)`): the new route is wrapped the same way. `args` are the wrapper's other
   * arguments as written, `METHODS` where the app lists HTTP methods (the new route lists its own).
   */
  wrapper?: { callee: string; args: string[]; param: string; index: number; annotation: string | null };
}

/** Names that read as an authentication guard in front of a route. */
export const GUARD_NAME = /auth|session|user|login|loggedin|protect|guard|verify|jwt|token|signed|clerk|passport/i;
/** Globals a session statement may use. */
const GLOBALS = new Set(['process', 'Number', 'String', 'Boolean', 'JSON', 'Date', 'undefined', 'Object', 'Array', 'URL', 'Headers']);

export interface RecipeSite {
  ast: t.File;
  file: string;
  text: string;
  fn: FunctionNode;
  role: RecipeRole;
  route: string | null;
  user: UserRef;
  /**
   * For a handler registered in another file by name (`router.post('/', ensureLoggedIn, controller.create)`):
   * that file and the middleware names it puts in front of the handler.
   */
  registration?: { ast: t.File; file: string; middleware: string[] };
}

/** The recipe behind one handler whose signed-in user is known, or null when it cannot be moved to a new file. */
export function sessionRecipeAt(site: RecipeSite): SessionRecipe | null {
  if (site.user.bind) return null;
  const params = [paramName(site.fn, 0), paramName(site.fn, 1)];
  const [ourReq, ourRes] = HANDLER_PARAMS[site.role];
  const renames = new Map<string, string>();
  if (params[0]) renames.set(params[0], ourReq);
  if (params[1]) renames.set(params[1], ourRes);
  const imports = collectImports(site.ast).filter((i) => !i.typeOnly);
  const needed = new Map<string, RecipeImport>();
  const statements: Array<{ start: number; code: string }> = [];
  const seen = new Set<string>();

  // Resolves one identifier the recipe uses: a parameter (renamed), an import, a global, or a local
  // declared earlier in the handler (its statement comes along). False when it cannot be moved.
  const use = (name: string, depth: number): boolean => {
    if (renames.has(name) || GLOBALS.has(name) || seen.has(name)) return true;
    const imp = imports.find((i) => i.local === name);
    if (imp) {
      needed.set(name, { local: name, imported: imp.imported, specifier: imp.source, fromFile: site.file });
      return true;
    }
    if (depth > 3) return false;
    const declaration = localDeclaration(site.fn, name);
    // A `let userId = null` assigned later (inside an if, a try) does not hold the user at its declaration.
    if (!declaration?.init || reassigned(site.fn, name)) return false;
    seen.add(name);
    for (const ref of referencedNames(declaration.init)) if (!use(ref, depth + 1)) return false;
    statements.push({ start: declaration.start ?? 0, code: `const ${withoutAnnotation(declaration.id as t.LVal, site.text)} = ${rename(site.text, declaration.init, renames)};` });
    return true;
  };

  const root = /^[A-Za-z_$][\w$]*/.exec(site.user.expression)?.[0];
  const handed = root ? handedParameter(site, root) : null;
  let wrapper: SessionRecipe['wrapper'];
  if (handed) {
    const found = wrapperOf(site, imports);
    if (!found) return null;
    needed.set(found.callee, { local: found.callee, imported: found.imported, specifier: found.source, fromFile: site.file });
    wrapper = { callee: found.callee, args: found.args, ...handed };
  } else if (!root || !use(root, 0)) return null;
  const guards = guardsOf(site, renames, imports, needed);
  if (guards === null) return null;
  return {
    ...(wrapper ? { wrapper } : {}),
    role: site.role,
    guards,
    statements: statements.sort((a, b) => a.start - b.start).map((s) => s.code),
    imports: [...needed.values()],
    id: renameText(site.user.expression, renames),
    from: `${site.route ?? 'a handler'} in ${site.file}`,
  };
}

/** The handler's third (or later) parameter named `name`, which only a wrapper can hand it (pages and Express). */
function handedParameter(site: RecipeSite, name: string): { param: string; index: number; annotation: string | null } | null {
  if (site.role !== 'pages' && site.role !== 'express') return null;
  // The third parameter only: the new handler is written `(req, res, session)`.
  const index = paramName(site.fn, 2) === name ? 2 : -1;
  if (index < 0) return null;
  const annotation = (site.fn.params[index] as { typeAnnotation?: { typeAnnotation?: Node } | null }).typeAnnotation?.typeAnnotation;
  const text = annotation ? site.text.slice(annotation.start ?? 0, annotation.end ?? 0) : null;
  return { param: name, index, annotation: text };
}

const HTTP_METHODS = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/;

/**
 * `wrap(['POST'], handler)` (or `wrap(handler)`) around the handler, `wrap` imported: its name, import and
 * other arguments. Null when the arguments are not plain literals a new route can repeat.
 */
function wrapperOf(site: RecipeSite, imports: ReturnType<typeof collectImports>): { callee: string; imported: string; source: string; args: string[] } | null {
  const names = new Set<string>();
  walk(site.ast.program, (node) => {
    if (node.type === 'VariableDeclarator' && node.init === (site.fn as Node) && node.id.type === 'Identifier') names.add(node.id.name);
    if (node.type === 'FunctionDeclaration' && node === (site.fn as Node) && node.id) names.add(node.id.name);
  });
  let found: { callee: string; imported: string; source: string; args: string[] } | null = null;
  let refused = false;
  walk(site.ast.program, (node) => {
    if (found || refused || node.type !== 'CallExpression' || node.callee.type !== 'Identifier') return;
    const at = node.arguments.findIndex((a) => a === (site.fn as Node) || (a.type === 'Identifier' && names.has(a.name)));
    if (at < 0 || at !== node.arguments.length - 1) return;
    const imp = imports.find((i) => i.local === (node.callee as t.Identifier).name);
    if (!imp) return;
    const args: string[] = [];
    for (const arg of node.arguments.slice(0, at)) {
      const strings = arg.type === 'ArrayExpression' ? arg.elements.map((e) => (e?.type === 'StringLiteral' ? e.value : null)) : null;
      if (strings && strings.length > 0 && strings.every((v) => v !== null && HTTP_METHODS.test(v))) args.push('METHODS');
      else if (arg.type === 'StringLiteral' || arg.type === 'NumericLiteral' || arg.type === 'BooleanLiteral') args.push(site.text.slice(arg.start ?? 0, arg.end ?? 0));
      else refused = true;
    }
    if (!refused) found = { callee: imp.local, imported: imp.imported, source: imp.source, args };
  });
  return found;
}

/** Whether `name` is assigned anywhere in the handler after its declaration (`userId = user._id`). */
function reassigned(fn: FunctionNode, name: string): boolean {
  let found = false;
  walk(fn.body as Node, (node) => {
    if (found) return 'skip';
    if (node.type === 'AssignmentExpression' && node.left.type === 'Identifier' && node.left.name === name) found = true;
    if (node.type === 'UpdateExpression' && node.argument.type === 'Identifier' && node.argument.name === name) found = true;
  });
  return found;
}

/** The declarator of `name` in the handler's own body (not in nested functions), or null. */
function localDeclaration(fn: FunctionNode, name: string): t.VariableDeclarator | null {
  let found: t.VariableDeclarator | null = null;
  walk(fn.body as Node, (node) => {
    if (found) return 'skip';
    if (node !== fn.body && isFunction(node)) return 'skip';
    if (node.type !== 'VariableDeclarator') return;
    if (bindsName(node.id as t.LVal, name)) found = node;
  });
  return found;
}

function bindsName(id: t.LVal, name: string): boolean {
  if (id.type === 'Identifier') return id.name === name;
  if (id.type === 'ObjectPattern') return id.properties.some((p) => (p.type === 'RestElement' ? bindsName(p.argument, name) : bindsName(p.value as t.LVal, name)));
  if (id.type === 'AssignmentPattern') return bindsName(id.left, name);
  return false;
}

/** The binding as written, without its type annotation (`{ userId }`, `session`). */
function withoutAnnotation(id: t.LVal, text: string): string {
  const annotation = (id as { typeAnnotation?: Node | null }).typeAnnotation;
  return text.slice(id.start ?? 0, annotation?.start ?? id.end ?? 0).trimEnd();
}

/** Identifiers an expression reads (not property names, not names its own functions bind). */
function referencedNames(expression: Node): string[] {
  const out = new Set<string>();
  walk(expression, (node, ancestors) => {
    if (isFunction(node)) return 'skip';
    if (node.type !== 'Identifier') return;
    const parent = ancestors[ancestors.length - 1] as Node & Record<string, unknown>;
    if (parent && (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === node && !parent.computed) return;
    if (parent && (parent.type === 'ObjectProperty' || parent.type === 'ObjectMethod') && parent.key === node && !parent.computed) return;
    out.add(node.name);
  });
  return [...out];
}

function rename(text: string, node: Node, renames: Map<string, string>): string {
  const start = node.start ?? 0;
  const edits: Array<{ at: number; end: number; name: string }> = [];
  walk(node, (child, ancestors) => {
    if (child.type !== 'Identifier' || !renames.has(child.name)) return;
    const parent = ancestors[ancestors.length - 1] as Node & Record<string, unknown>;
    if (parent && (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === child && !parent.computed) return;
    edits.push({ at: (child.start ?? 0) - start, end: (child.end ?? 0) - start, name: renames.get(child.name) as string });
  });
  let out = text.slice(start, node.end ?? start);
  for (const e of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.name + out.slice(e.end);
  return out;
}

function renameText(expression: string, renames: Map<string, string>): string {
  const root = /^[A-Za-z_$][\w$]*/.exec(expression)?.[0];
  return root && renames.has(root) ? (renames.get(root) as string) + expression.slice(root.length) : expression;
}

/**
 * The guards in front of the handler: route-level middleware (`post('/', requireAuth, handler)`), and
 * `.use(mw)` / `addHook('preHandler', mw)` calls written before it in the file, that read as authentication.
 * Null when one of them cannot be written in a new file (a function local to that file).
 */
function guardsOf(site: RecipeSite, renames: Map<string, string>, imports: ReturnType<typeof collectImports>, needed: Map<string, RecipeImport>): string[] | null {
  if (site.role === 'next' || site.role === 'pages') return [];
  if (site.registration) return registeredGuards(site.registration, needed);
  const found: Node[] = [];
  walk(site.ast.program, (node) => {
    if (node === site.fn) return 'skip';
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || node.callee.property.type !== 'Identifier') return;
    const method = node.callee.property.name;
    const args = node.arguments as Node[];
    if (args.includes(site.fn as Node)) {
      found.push(...args.slice(1, args.indexOf(site.fn as Node)).filter((a) => a.type !== 'ObjectExpression' && a.type !== 'StringLiteral'));
      const options = args.find((a): a is t.ObjectExpression => a.type === 'ObjectExpression');
      for (const p of options?.properties ?? []) {
        if (p.type === 'ObjectProperty' && p.key.type === 'Identifier' && /^(preHandler|onRequest|preValidation)$/.test(p.key.name)) {
          found.push(...(p.value.type === 'ArrayExpression' ? (p.value.elements.filter(Boolean) as Node[]) : [p.value as Node]));
        }
      }
    } else if ((node.end ?? 0) <= (site.fn.start ?? 0)) {
      if (method === 'use' && args.length > 0 && args[0].type !== 'StringLiteral') found.push(...args);
      if (method === 'addHook' && args[0]?.type === 'StringLiteral' && /^(preHandler|onRequest|preValidation)$/.test(args[0].value) && args[1]) found.push(args[1]);
    }
  });
  const guards: string[] = [];
  for (const guard of found) {
    const code = site.text.slice(guard.start ?? 0, guard.end ?? 0);
    if (!GUARD_NAME.test(code)) continue;
    const pluginParam = site.role === 'fastify' ? enclosingParam(site) : null;
    const names = referencedNames(guard);
    for (const name of names) {
      if (name === pluginParam) continue;
      const imp = imports.find((i) => i.local === name);
      if (!imp) return null;
      needed.set(name, { local: name, imported: imp.imported, specifier: imp.source, fromFile: site.file });
    }
    const own = new Map(renames);
    if (pluginParam) own.set(pluginParam, PLUGIN_PARAM);
    guards.push(rename(site.text, guard, own));
  }
  return guards;
}

/** Guards named at a registration in another file: each must be imported there (then it can be here). */
function registeredGuards(registration: NonNullable<RecipeSite['registration']>, needed: Map<string, RecipeImport>): string[] | null {
  const imports = collectImports(registration.ast).filter((i) => !i.typeOnly);
  const guards: string[] = [];
  for (const name of registration.middleware.filter((m) => GUARD_NAME.test(m))) {
    const root = name.split('.')[0];
    const imp = imports.find((i) => i.local === root);
    if (!imp) return null;
    needed.set(root, { local: root, imported: imp.imported, specifier: imp.source, fromFile: registration.file });
    guards.push(name);
  }
  return guards;
}

/** The first parameter of the function around the route registration (a Fastify plugin's instance). */
function enclosingParam(site: RecipeSite): string | null {
  let param: string | null = null;
  walk(site.ast.program, (node) => {
    if (param !== null || !isFunction(node) || node === site.fn) return;
    if ((node.start ?? 0) <= (site.fn.start ?? 0) && (node.end ?? 0) >= (site.fn.end ?? 0)) param = paramName(node, 0);
  });
  return param;
}
