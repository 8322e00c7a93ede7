// Who is signed in at a place in the code: the one answer every area asks for (usage events, gates, and the
// areas after them). The code's own evidence comes first (what the handler reads: `req.user.id`, a session
// getter, a session handed down as a parameter, an id middleware set), searched in every function around the
// place, innermost first, closures included. Where the file is typed, the checker then confirms each step of
// the expression exists, writes `?.` where a step may be missing, turns an ObjectId into a string, and finds
// what names cannot: a parameter typed as a session, or one a destructuring left out. No evidence, no user,
// and the reason says what was looked for.
import type { FunctionNode } from '../ast/nodes.js';
import { walk, type Node } from '../ast/walk.js';
import { findSignedInUser, paramName, type UserRef, type UserSearch } from './signed-in-user.js';
import type { PathFacts, ScopeUser, TypeFacts } from './type-facts.js';

export interface IdentityQuery {
  /** The functions around the place, innermost first, and the one of them that is the request handler. */
  functions: FunctionNode[];
  handler: { fn: FunctionNode; role: UserSearch['role']; serverAction: boolean; requestProps: string[]; wrapped: boolean; route: string | null } | null;
  /** Source offset the user must be known before. */
  before: number;
  text: string;
  passport?: boolean;
  nullSafe?: boolean;
  idPaths?: Record<string, string>;
  /** The checker's view of the file, when it can be had (made on first use). */
  types?: () => TypeFacts | null;
  /** Who pays (customers.entity): the user (default), or the organization or team they act for. */
  entity?: 'user' | 'organization' | 'team';
}

export type IdentityAnswer = { user: UserRef; reason?: undefined } | { user: null; reason: string };

export function identityAt(q: IdentityQuery): IdentityAnswer {
  const user = userAt(q);
  if (!q.entity || q.entity === 'user') return user;
  return payingEntity(q, user);
}

function userAt(q: IdentityQuery): IdentityAnswer {
  const types = q.types?.() ?? null;
  const refused: string[] = [];
  for (const search of searchesFor(q)) {
    const found = findSignedInUser(search);
    if (!found) continue;
    const checked = types ? withTypes(found, types.pathAt(q.before, pathOf(found.expression) ?? []), search.fn, q) : found;
    if ('reason' in checked) refused.push(checked.reason);
    else return { user: checked };
  }
  const typed = types ? typedUser(types, q) : null;
  if (typed) return { user: typed };
  return { user: null, reason: refused[0] ?? noUserReason(q) };
}

/** Each function around the place, innermost first: the handler with its role, the others as helpers. */
function searchesFor(q: IdentityQuery): UserSearch[] {
  const shared = { before: q.before, text: q.text, nullSafe: q.nullSafe, idPaths: q.idPaths };
  return q.functions.map((fn) =>
    fn === q.handler?.fn
      ? { fn, role: q.handler.role, requestProps: q.handler.requestProps, passport: q.passport, wrapped: q.handler.wrapped, ...shared }
      : { fn, role: 'helper' as const, ...shared },
  );
}

/** `session.user?.id` → ['session', 'user', 'id']; null for anything but a plain property chain. */
function pathOf(expression: string): string[] | null {
  return /^[\w$]+((\?\.|\.)[\w$]+)*$/.test(expression) ? expression.split(/\?\.|\./) : null;
}

/**
 * The evidence the code gave, checked against the types at the place: each step must exist and end in an
 * id. Steps that may be null or undefined are read with `?.` (the billing module treats a missing id as no
 * customer), except where the handler already left when the value is missing.
 */
function withTypes(found: UserRef, facts: PathFacts | null, fn: FunctionNode, q: IdentityQuery): UserRef | { reason: string } {
  const path = pathOf(found.expression);
  if (!path || !facts) return found;
  if (!facts.ok) {
    const owner = path.slice(0, facts.missing).join('.');
    return { reason: `\`${path.slice(0, facts.missing + 1).join('.')}\` is not there: \`${owner}\` is typed \`${facts.typeText}\` (found ${found.source})${nextAuthHint(facts.typeText, path)}` };
  }
  if (facts.kind === 'other') return { reason: `\`${found.expression}\` is typed \`${facts.typeText}\`, which is not an id (found ${found.source})` };
  // Untyped from the start (an `any` request, a JavaScript file): the code's own evidence stands as it is.
  if (facts.typed === 0) return found;
  return { ...found, expression: render(path, facts, checkedBefore(fn, path[0], q.text, q.before), operatorsOf(found.expression)), ...(facts.kind === 'any' ? {} : { type: facts.typeText }) };
}

/** A parameter or local typed as a session or user, or a session a destructured parameter leaves out. */
function typedUser(types: TypeFacts, q: IdentityQuery): UserRef | null {
  // A request's `user` typed by an auth library's augmentation (`@fastify/jwt`, passport) is there on every
  // request's type, verified or not: only the code's own evidence (a read, a middleware) counts for it.
  const request = q.handler && /express|fastify|pages/.test(q.handler.role) ? paramName(q.handler.fn, 0) : null;
  const [inScope] = types.usersInScope(q.before).filter((u) => u.path[0] !== request);
  if (inScope) return fromScope(inScope, q);
  const innermost = q.functions[0];
  const param = innermost?.params[0];
  if (param?.type === 'ObjectPattern' && param.start !== null && param.start !== undefined) {
    const [unbound] = types.unboundUsers(param.start);
    if (unbound && !bound(q, unbound.path[0])) return { ...fromScope(unbound, q), bind: { patternStart: param.start, property: unbound.path[0] } };
  }
  return null;
}

function fromScope(user: ScopeUser, q: IdentityQuery): UserRef {
  const fn = q.functions[0];
  return { expression: render(user.path, user.facts, fn ? checkedBefore(fn, user.path[0], q.text, q.before) : false), source: `${user.declared}, typed \`${user.facts.typeText}\` at its id`, type: user.facts.typeText };
}

/** Whether a name is already taken anywhere in the functions around the place (a new binding would shadow it). */
function bound(q: IdentityQuery, name: string): boolean {
  const outer = q.functions[q.functions.length - 1];
  if (!outer) return false;
  return new RegExp(`(^|[^\\w$.])${name.replace(/\$/g, '\\$')}($|[^\\w$])`).test(q.text.slice(outer.start ?? 0, outer.end ?? 0));
}

/** `a?.b.c` → ['?.', '.']. */
function operatorsOf(expression: string): string[] {
  return expression.match(/\?\.|\./g) ?? [];
}

/** The path written with `?.` where the types say a step may be missing; untyped steps keep `given` (else `.`). */
function render(path: string[], facts: Extract<PathFacts, { ok: true }>, rootChecked: boolean, given: string[] = []): string {
  let out = path[0];
  for (let i = 1; i < path.length; i++) {
    const typed = i - 1 < facts.typed;
    const optional = typed ? facts.nullable[i - 1] && !(i === 1 && rootChecked) : given[i - 1] === '?.';
    out += (optional ? '?.' : '.') + path[i];
  }
  if (facts.kind === 'objectid') out += `${facts.nullable[path.length - 1] ? '?.' : '.'}toString()`;
  return out;
}

function nextAuthHint(typeText: string, path: string[]): string {
  if (!/name\?: string \| null/.test(typeText) || path[path.length - 1] !== 'id') return '';
  return "; next-auth's default Session has no user id: set it in callbacks.session and add it to the Session type (next-auth.d.ts)";
}

/** Whether the handler leaves early when `name` is missing (`if (!session) return ...`) before `offset`. */
export function checkedBefore(fn: FunctionNode, name: string, text: string, offset: number): boolean {
  if (fn.body.type !== 'BlockStatement') return false;
  const n = name.replace(/\$/g, '\\$');
  const test = new RegExp(`^!\\s*${n}\\b|^${n}\\s*==+\\s*(null|undefined)\\b|^!\\s*${n}\\??\\.`);
  return fn.body.body.some((stmt) => {
    if (stmt.type !== 'IfStatement' || (stmt.end ?? Infinity) > offset) return false;
    const exits = (s: Node) => s.type === 'ReturnStatement' || s.type === 'ThrowStatement';
    const leaves = exits(stmt.consequent) || (stmt.consequent.type === 'BlockStatement' && stmt.consequent.body.some(exits));
    return leaves && test.test(text.slice(stmt.test.start ?? 0, stmt.test.end ?? 0));
  });
}

function noUserReason(q: IdentityQuery): string {
  if (q.handler?.serverAction) {
    return "no signed-in user in this server action: it reads no session (the browser chooses a server action's arguments, so it is never handed a user id); read the session inside it, as the app's routes do (e.g. await auth())";
  }
  if (q.handler) {
    return 'no signed-in user before this point: the request handler reads no session or user (such as req.user, auth(), getServerSession()), takes none as a parameter, and no middleware on its route sets one';
  }
  return 'no signed-in user in scope: the functions around the call take no user, session or user id, and read none';
}

const ENTITY_KEYS: Record<'organization' | 'team', string[]> = {
  organization: ['activeOrganizationId', 'organizationId', 'orgId', 'organization_id', 'org_id', 'tenantId', 'workspaceId'],
  team: ['activeTeamId', 'teamId', 'team_id', 'workspaceId'],
};

/**
 * The organization or team that pays (customers.entity): a local or parameter named for its id (`orgId` from
 * Clerk's auth()), else its id next to the signed-in user (`session.activeOrganizationId`,
 * `req.user.organizationId`), confirmed by the types or by the code's own reads.
 */
function payingEntity(q: IdentityQuery, user: IdentityAnswer): IdentityAnswer {
  const kind = q.entity as 'organization' | 'team';
  const keys = ENTITY_KEYS[kind];
  const named = namedBinding(q, keys);
  if (named) return { user: { expression: named, source: `${named}, the ${kind} in scope` } };
  const path = user.user ? pathOf(user.user.expression) : null;
  if (path && path.length >= 2) {
    const types = q.types?.() ?? null;
    const scope = q.functions[q.functions.length - 1];
    const text = scope ? q.text.slice(scope.start ?? 0, scope.end ?? 0) : '';
    const bases = [path.slice(0, -1), path.slice(0, -2), [...path.slice(0, -2), 'session']].filter((b) => b.length > 0);
    for (const base of bases) {
      for (const key of keys) {
        const candidate = [...base, key];
        const facts = types?.pathAt(q.before, candidate) ?? null;
        const read = text.includes(`.${key}`) && new RegExp(`${base.map((b) => b.replace(/\$/g, '\\$')).join('\\??\\.')}\\??\\.${key}\\b`).test(text);
        if ((facts?.ok && facts.typed > 0 && facts.kind !== 'other') || (!facts?.ok && read)) {
          const checked = q.functions.some((fn) => checkedBefore(fn, candidate[0], q.text, q.before));
          const typed = facts?.ok && facts.typed > 0 ? facts : null;
          const source = `${candidate.join('.')}, the ${kind} of the signed-in user`;
          return { user: typed ? { expression: render(candidate, typed, checked), source, type: typed.typeText } : { expression: candidate.join('?.'), source } };
        }
      }
    }
  }
  return { user: null, reason: `customers.entity is "${kind}", but no ${kind} id is in scope here (such as ${keys.slice(0, 2).join(' or ')} on the session or user)` };
}

/** A parameter or local of the functions around the place named for the entity's id. */
function namedBinding(q: IdentityQuery, keys: string[]): string | null {
  let found: string | null = null;
  for (const fn of q.functions) {
    walk(fn, (node) => {
      if (found || (node.start ?? 0) > q.before) return 'skip';
      if (node.type === 'Identifier' && keys.includes(node.name) && isBinding(node, fn)) found = node.name;
    });
    if (found) return found;
  }
  return null;
}

function isBinding(id: Node, fn: FunctionNode): boolean {
  let binding = false;
  walk(fn, (node) => {
    if (binding) return 'skip';
    if (node.type === 'VariableDeclarator') walk(node.id, (n) => void (n === id && (binding = true)));
    if (node === fn) for (const p of fn.params) walk(p, (n) => void (n === id && (binding = true)));
  });
  return binding;
}
