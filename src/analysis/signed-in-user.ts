// Finds the signed-in user's id at a point inside a request handler (or a helper), per framework:
// `req.user.id` / `req.session.userId` / `res.locals.user.id` (Express), `request.user.id` (Fastify),
// `await auth()`, `getServerSession()`, `currentUser()`, the app's own session helper (Next.js), or a
// parameter named like `userId` in a helper. It never invents one: no evidence, no user.
import type * as t from '@babel/types';
import { dottedName, isFunction, type FunctionNode } from '../ast/nodes.js';
import { walk, type Node } from '../ast/walk.js';

export interface UserRef {
  /** Code for the user's id, as it can be written at the site (`req.user.id`, `session.user.id`, `userId`). */
  expression: string;
  /** Where it came from, for reports. */
  source: string;
  /** The id's type as the checker sees it, when the code is typed. */
  type?: string;
  /** A binding to add first: the object-destructured parameter at `patternStart` gets `property`. */
  bind?: { patternStart: number; property: string };
}

export interface UserSearch {
  fn: FunctionNode;
  /** 'request': a request handler whose first parameter is the request; 'action': a Next.js handler or server action; 'helper': any other function. */
  role: 'express' | 'fastify' | 'next' | 'pages' | 'helper';
  /** The user must be readable here: locals declared before this offset count. */
  before: number;
  /** The file's text, to reuse expressions exactly as the app writes them. */
  text: string;
  /** Properties middleware or preHandlers put on the request (`user` from `req.user = ...`). */
  requestProps?: string[];
  /** The app signs in with passport (req.user is passport's). */
  passport?: boolean;
  /**
   * Write ids this module makes up (rather than copies from the handler) with `?.` after the request's user
   * (`req.user?.id`): apps type that user as optional, and the billing module takes a missing id.
   */
  nullSafe?: boolean;
  /** Where the id sits on what a session or user getter returns, learned from the rest of the app (`getSession` → `userId`). */
  idPaths?: Record<string, string>;
  /**
   * A Next.js server action passed to a wrapper that supplies its arguments
   * (`validatedActionWithUser(schema, async (data, formData, user) => ...)`): a `user` parameter is the
   * signed-in user. (A plain server action's parameters come from the browser and are never trusted.)
   */
  wrapped?: boolean;
}

const ID = '(id|_id|userId|user_id|uid|sub)';
/** A property holding the id itself (not a user object). */
const SCALAR_ID = '(userId|user_id|uid|accountId|account_id|memberId)';
const SESSION_GETTER = /^(auth|getServerSession|unstable_getServerSession|getSession|getIronSession|getAuth|getAuthSession|getServerAuthSession)$/;
const USER_GETTER = /^(currentUser|getCurrentUser|getUser|requireUser|requireAuth|requireSession|getSessionUser|getLoggedInUser|getAuthUser|getAuthenticatedUser|getViewer|validateRequest|getUserFromRequest)$/;
const USER_ID_PARAM = /^(user|account|customer|owner|member)_?[iI]d$/;

export function findSignedInUser(search: UserSearch): UserRef | null {
  const reads = collectReads(search);
  const req = paramName(search.fn, 0);
  const res = paramName(search.fn, 1);
  if (search.role === 'express' || search.role === 'fastify' || search.role === 'pages') {
    const fromRequest = req ? requestUser(reads, req, res, search) : null;
    if (fromRequest) return fromRequest;
    const handed = handedUser(search.fn, reads);
    if (handed) return handed;
  }
  const fromLocal = localUser(search, reads) ?? idLocal(search);
  if (fromLocal) return fromLocal;
  if (search.role === 'helper') return paramUser(search.fn, false, reads);
  if (search.role === 'next' && search.wrapped) return paramUser(search.fn, true, reads);
  return null;
}

/**
 * A session or user the app's own wrapper hands the handler after the request and response
 * (`apiMiddleware(['POST'], handler)` calling `handler(req, res, session)`).
 */
function handedUser(fn: FunctionNode, reads: Map<string, string>): UserRef | null {
  for (const param of fn.params.slice(2)) {
    const p = param.type === 'AssignmentPattern' ? param.left : param;
    if (p.type !== 'Identifier' || !HANDED.test(p.name)) continue;
    const session = /session|auth/i.test(p.name);
    return {
      expression: firstRead(reads, p.name) ?? (session ? `${p.name}.user.id` : `${p.name}.id`),
      source: `parameter ${p.name}, handed to the handler by the function that wraps it`,
    };
  }
  return null;
}

const HANDED = /^(session|user|currentUser|auth|authUser|viewer)$/;

/**
 * A local named for the user's id (`let userId = null; ... userId = user._id`), set from anything but what the
 * client sent (`req.body`, `req.query`, form data): the client never chooses whom to bill.
 */
function idLocal(search: UserSearch): UserRef | null {
  let found: UserRef | null = null;
  walk(search.fn.body, (node) => {
    if (found || isFunction(node)) return 'skip';
    if (node.type !== 'VariableDeclarator' || node.id.type !== 'Identifier' || (node.end ?? 0) > search.before) return;
    const name = node.id.name;
    if (!USER_ID_PARAM.test(name)) return;
    const assigned = assignmentsTo(search.fn, name, search.text);
    if ([search.text.slice(node.init?.start ?? 0, node.init?.end ?? 0), ...assigned].some((v) => CLIENT_INPUT.test(v))) return;
    if (!node.init && assigned.length === 0) return;
    found = { expression: name, source: `${name}, set in the handler from the signed-in user` };
  });
  return found;
}

const CLIENT_INPUT = /\b(body|query|params|searchParams|formData|cookies)\b/;

/** The text of every value assigned to `name` in the function (`userId = user._id` → `user._id`). */
function assignmentsTo(fn: FunctionNode, name: string, text: string): string[] {
  const out: string[] = [];
  walk(fn.body, (node) => {
    if (node.type === 'AssignmentExpression' && node.left.type === 'Identifier' && node.left.name === name) out.push(text.slice(node.right.start ?? 0, node.right.end ?? 0));
  });
  return out;
}

/** Member chains read in the function (nested callbacks included), as normalised text → original text. */
function collectReads(search: UserSearch): Map<string, string> {
  const reads = new Map<string, string>();
  walk(search.fn.body, (node) => {
    if (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression') return;
    const name = dottedName(node);
    if (!name || name.includes('()')) return;
    const original = search.text.slice(node.start ?? 0, node.end ?? 0);
    if (!reads.has(name)) reads.set(name, original);
  });
  return reads;
}

const escape = (name: string) => name.replace(/\$/g, '\\$');

function requestUser(reads: Map<string, string>, rawReq: string, rawRes: string | null, search: UserSearch): UserRef | null {
  const req = escape(rawReq);
  const res = rawRes ? escape(rawRes) : null;
  const patterns = [
    new RegExp(`^${req}\\.(user|currentUser|account|auth)\\.${ID}$`),
    // Middleware that puts the id itself on the request: `req.userId = decoded.userId`.
    new RegExp(`^${req}\\.(headers\\.|locals\\.)?${SCALAR_ID}$`),
    new RegExp(`^${req}\\.session\\.(user\\.${ID}|${ID})$`),
    new RegExp(`^${req}\\.auth\\.${ID}$`),
    ...(res ? [new RegExp(`^${res}\\.locals\\.(user\\.${ID}|${ID})$`)] : []),
  ];
  for (const pattern of patterns) {
    for (const [name, original] of reads) if (pattern.test(name)) return { expression: original, source: `${name}, read in the handler` };
  }
  // The handler reads the user object but never its id: the id is on it.
  const dot = search.nullSafe ? '?.' : '.';
  for (const prop of ['user', 'currentUser']) {
    if (reads.has(`${rawReq}.${prop}`) || [...reads.keys()].some((k) => k.startsWith(`${rawReq}.${prop}.`))) {
      return { expression: `${rawReq}.${prop}${dot}id`, source: `${rawReq}.${prop}, read in the handler` };
    }
  }
  const scalar = search.requestProps?.find((p) => new RegExp(`^((headers|locals)\\.)?${SCALAR_ID}$`).test(p));
  if (scalar) return { expression: `${rawReq}.${scalar}`, source: `${rawReq}.${scalar}, set by the route's middleware` };
  const prop = search.requestProps?.find((p) => /^(user|currentUser|account|auth|authUser)$/i.test(p));
  if (prop) return { expression: `${rawReq}.${prop}${dot}id`, source: `${rawReq}.${prop}, set by the route's middleware` };
  if (search.passport && search.role === 'express') return { expression: `${rawReq}.user${dot}id`, source: `${rawReq}.user, set by passport` };
  return null;
}

/** Locals declared before the site from the request's user, a session getter or a user getter. */
function localUser(search: UserSearch, reads: Map<string, string>): UserRef | null {
  let found: UserRef | null = null;
  walk(search.fn.body, (node) => {
    if (found) return 'skip';
    if (isFunction(node)) return 'skip';
    if (node.type !== 'VariableDeclarator' || !node.init || (node.end ?? 0) > search.before) return;
    found = fromDeclarator(node, reads, search);
  });
  return found;
}

function fromDeclarator(decl: t.VariableDeclarator, reads: Map<string, string>, search: UserSearch): UserRef | null {
  let init: Node = decl.init as Node;
  if (init.type === 'AwaitExpression') init = init.argument;
  const source = dottedName(init)?.replace(/\(\)$/, '') ?? '';
  const callee = init.type === 'CallExpression' ? (dottedName(init.callee) ?? '') : '';
  const getter = callee.split('.').pop() ?? '';
  const isSession = SESSION_GETTER.test(getter);
  const isUser = USER_GETTER.test(getter) || callee === 'supabase.auth.getUser';
  const requestBound = /^(req|request)\.(user|session|auth)/.test(source);

  if (decl.id.type === 'Identifier') {
    const v = decl.id.name;
    if (new RegExp(`(^|\\.)${ID}$`).test(source) && requestBound) return { expression: v, source: `${v} = ${source}` };
    if (!isSession && !isUser && !requestBound) return null;
    const used = firstRead(reads, v);
    if (used) return { expression: used, source: `${v} from ${callee || source}` };
    const learned = search.idPaths?.[getter];
    if (learned) return { expression: `${v}.${learned}`, source: `${v} from ${callee}, read as ${v}.${learned} elsewhere in the app` };
    return { expression: isSession ? `${v}.user.id` : `${v}.id`, source: `${v} from ${callee || source}` };
  }
  if (decl.id.type === 'ObjectPattern' && (isSession || isUser || requestBound)) {
    for (const p of decl.id.properties) {
      if (p.type !== 'ObjectProperty' || p.value.type !== 'Identifier') continue;
      const key = p.key.type === 'Identifier' ? p.key.name : '';
      if (new RegExp(`^${ID}$`).test(key)) return { expression: p.value.name, source: `${key} from ${callee || source}` };
      if (key === 'user') return { expression: firstRead(reads, p.value.name) ?? `${p.value.name}.id`, source: `user from ${callee || source}` };
    }
    // const { data: { user } } = await supabase.auth.getUser()
    const nested = decl.id.properties.find((p) => p.type === 'ObjectProperty' && p.value.type === 'ObjectPattern');
    if (nested && nested.type === 'ObjectProperty' && nested.value.type === 'ObjectPattern') {
      const user = nested.value.properties.find((p) => p.type === 'ObjectProperty' && p.value.type === 'Identifier' && p.key.type === 'Identifier' && p.key.name === 'user');
      if (user && user.type === 'ObjectProperty' && user.value.type === 'Identifier') return { expression: `${user.value.name}.id`, source: `user from ${callee}` };
    }
  }
  return null;
}

/** The first read of an id through variable `v` (`session.user.id`, `user.id`, `session.userId`), as written. */
function firstRead(reads: Map<string, string>, v: string): string | null {
  const pattern = new RegExp(`^${escape(v)}\\.(user\\.)?${ID}$`);
  for (const [name, original] of reads) if (pattern.test(name)) return original;
  return null;
}

function paramUser(fn: FunctionNode, objectsOnly: boolean, reads: Map<string, string>): UserRef | null {
  for (const param of fn.params) {
    const p = param.type === 'AssignmentPattern' ? param.left : param;
    if (objectsOnly) {
      if (p.type === 'Identifier' && /^(user|currentUser)$/.test(p.name)) return { expression: firstRead(reads, p.name) ?? `${p.name}.id`, source: `parameter ${p.name}, supplied by the action's wrapper` };
      continue;
    }
    if (p.type === 'Identifier' && USER_ID_PARAM.test(p.name)) return { expression: p.name, source: `parameter ${p.name}` };
    if (p.type === 'Identifier' && /^(user|currentUser|account)$/.test(p.name)) return { expression: firstRead(reads, p.name) ?? `${p.name}.id`, source: `parameter ${p.name}` };
    if (p.type === 'Identifier' && p.name === 'session') return { expression: firstRead(reads, p.name) ?? 'session.user.id', source: 'parameter session' };
    if (p.type === 'ObjectPattern') {
      for (const prop of p.properties) {
        if (prop.type !== 'ObjectProperty' || prop.value.type !== 'Identifier') continue;
        const name = prop.value.name;
        if (USER_ID_PARAM.test(name)) return { expression: name, source: `parameter ${name}` };
        // `({ session, dataStream }) => ...`: a session handed down, read as the app reads it.
        if (name === 'session') return { expression: firstRead(reads, name) ?? 'session.user.id', source: 'parameter session' };
        if (/^(user|currentUser)$/.test(name)) return { expression: firstRead(reads, name) ?? `${name}.id`, source: `parameter ${name}` };
      }
    }
  }
  return null;
}

export function paramName(fn: FunctionNode, index: number): string | null {
  const p = fn.params[index];
  if (!p) return null;
  const inner = p.type === 'AssignmentPattern' ? p.left : p;
  return inner.type === 'Identifier' ? inner.name : null;
}

/** Properties a middleware function puts on its request (`req.user = ...` → `user`; `req.headers.userId = ...` → `headers.userId`). */
export function requestPropsSetBy(fn: FunctionNode): string[] {
  const req = paramName(fn, 0);
  if (!req) return [];
  const props = new Set<string>();
  walk(fn.body, (node) => {
    if (node.type !== 'AssignmentExpression' || node.left.type !== 'MemberExpression') return;
    const target = dottedName(node.left);
    const m = target ? new RegExp(`^${escape(req)}\\.((?:headers\\.|locals\\.)?[\\w$]+)$`).exec(target) : null;
    if (m) props.add(m[1]);
  });
  return [...props];
}

/**
 * How the app reads the id off what its session and user getters return (`session.userId` after
 * `const session = await getSession()`), by getter name, so a handler that only checks the session can be
 * given the same path. The first read found wins.
 */
export function idPathsIn(files: Iterable<t.File>): Record<string, string> {
  const paths: Record<string, string> = {};
  for (const ast of files) {
    walk(ast.program, (node, ancestors) => {
      if (node.type !== 'VariableDeclarator' || node.id.type !== 'Identifier' || !node.init) return;
      const init = node.init.type === 'AwaitExpression' ? node.init.argument : node.init;
      const getter = init.type === 'CallExpression' ? (dottedName(init.callee) ?? '').split('.').pop() ?? '' : '';
      if (!(SESSION_GETTER.test(getter) || USER_GETTER.test(getter)) || paths[getter]) return;
      const v = node.id.name;
      const pattern = new RegExp(`^${escape(v)}\\.((user\\.)?${ID})$`);
      // Its reads are in the innermost function around it (or the whole module).
      const scope = [...ancestors].reverse().find((a) => isFunction(a)) ?? ast.program;
      walk(scope, (n) => {
        if (paths[getter] || (n.type !== 'MemberExpression' && n.type !== 'OptionalMemberExpression')) return;
        const m = pattern.exec(dottedName(n) ?? '');
        if (m) paths[getter] = m[1];
      });
    });
  }
  return paths;
}

