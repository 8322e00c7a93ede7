// Where the new user is once a signup handler has created it: the statement to insert after (or the
// callback that receives the user), and the expressions for its id, email and name, reused exactly as the
// app writes them. It never guesses: a creation whose result is not kept is either kept in a new local,
// when that is safe, or reported with the reason.
import type * as t from '@babel/types';
import { dottedName, isFunction, propertyKey, unwrap, type FunctionNode } from '../../ast/nodes.js';
import { walk, type Node } from '../../ast/walk.js';
import type { UserCreation } from '../../detect/user-creation.js';

export interface CustomerFields {
  externalId: string;
  email: string | null;
  name: string | null;
}

export type Placement =
  /** After `statement` (the creation, or the statement holding it). */
  | { at: 'after'; statement: Node; ancestors: Node[] }
  /** First in a callback that receives the user (after its error guard); `statement` holds the creation. */
  | { at: 'callback'; fn: FunctionNode; ancestors: Node[]; statement: Node | null }
  /** The result is awaited and dropped, or returned: keep it in `name` first. */
  | { at: 'keep'; statement: t.ExpressionStatement | t.ReturnStatement; expression: t.Expression; name: string; ancestors: Node[] };

export type CreatedUser =
  | { ok: true; fields: CustomerFields; placement: Placement }
  /** `todo`: what a person should do, when it is more than keeping the user in a variable. */
  | { ok: false; reason: string; todo?: string };

const ID_KEYS = ['id', '_id', 'uid', 'userId', 'user_id'];
const WRAPPER_KEYS = ['user', 'account', 'member', 'record', 'data', 'rows'];
const ERROR_PARAM = /^(e|err|error|\w+Err|\w+Error)$/;
const PASS_THROUGH = new Set(['AwaitExpression', 'TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'ParenthesizedExpression']);

/** `reserve()` gives a free, readable local name (`user`, `createdUser`), used only when the result has to be kept in a new const. */
export function locateCreatedUser(creation: UserCreation, handler: FunctionNode, source: string, reserve: () => string): CreatedUser {
  const { top, at, chain } = climb(creation.node, creation.ancestors);
  const ancestors = creation.ancestors;
  const parent = ancestors[at];
  const text = (n: Node) => source.slice(n.start ?? 0, n.end ?? 0);
  const shape: Shape = { creation, chain, source, handler };

  const callback = callbackOf(creation.node, ancestors, at);
  if (callback) {
    const { fn } = callback;
    const param = fn.params.length >= 2 ? fn.params[1] : fn.params[0];
    if (!param || (fn.params.length === 1 && param.type === 'Identifier' && ERROR_PARAM.test(param.name))) {
      return { ok: false, reason: `the callback of ${creation.description} does not receive the new user` };
    }
    const fields = fieldsFromBinding(param, shape);
    if (!fields) return { ok: false, reason: `the callback of ${creation.description} does not name the new user's id` };
    return { ok: true, fields, placement: { at: 'callback', fn, ancestors: callback.ancestors, statement: statementNode(ancestors, at) } };
  }
  if (/\.insert\(\w+\)$/.test(creation.description) && !chain.some((c) => /returning|\$returningId/i.test(dottedName(c.callee) ?? ''))) {
    return {
      ok: false,
      reason: `${creation.description} does not return the new row (Drizzle needs .returning() for its id)`,
      todo: 'add .returning() to the insert, keep the row (`const [user] = await ...`) and create the billing customer after it',
    };
  }

  if (parent?.type === 'VariableDeclarator' && parent.init === top) {
    const fields = fieldsFromBinding(parent.id, shape);
    if (!fields) return { ok: false, reason: `the id of the user ${creation.description} creates is not kept (\`${text(parent.id)}\`)` };
    return { ok: true, fields, placement: { at: 'after', statement: ancestors[at - 1], ancestors: ancestors.slice(0, at - 1) } };
  }
  if (parent?.type === 'AssignmentExpression' && parent.right === top && parent.left.type === 'Identifier' && ancestors[at - 1]?.type === 'ExpressionStatement') {
    const fields = fieldsFromBinding(parent.left, shape);
    if (fields) return { ok: true, fields, placement: { at: 'after', statement: ancestors[at - 1], ancestors: ancestors.slice(0, at - 1) } };
  }
  // `await user.save()`, `users.push(user)`: the saved object is the user.
  const saved = savedObject(creation.node);
  if (saved) {
    const statement = statementOf(ancestors, at);
    if (statement) return { ok: true, fields: recordFields(saved, shape, dataOfLocal(handler, saved)), placement: { at: 'after', ...statement } };
  }
  if (parent?.type === 'ExpressionStatement' && top.type === 'AwaitExpression') {
    const name = reserve();
    return { ok: true, fields: recordFields(name, shape, dataOf(shape)), placement: { at: 'keep', statement: parent, expression: top, name, ancestors: ancestors.slice(0, at) } };
  }
  if (parent?.type === 'ReturnStatement' && (top.type === 'AwaitExpression' || enclosingIsAsync(ancestors))) {
    const name = reserve();
    return { ok: true, fields: recordFields(name, shape, dataOf(shape)), placement: { at: 'keep', statement: parent, expression: top as t.Expression, name, ancestors: ancestors.slice(0, at) } };
  }
  if (parent?.type === 'ExpressionStatement') return { ok: false, reason: `the user ${creation.description} creates is neither kept nor awaited` };
  return { ok: false, reason: `the new user is not kept in a variable (${creation.description} is used inside \`${firstLine(text(statementNode(ancestors, at) ?? top))}\`)` };
}

interface Shape {
  creation: UserCreation;
  /** The calls chained on the creation (`.values(v)`, `.returning()`). */
  chain: t.CallExpression[];
  source: string;
  /** The request handler (or named function) the creation is in. */
  handler: FunctionNode;
}

/** The expression the creation's value ends up in, through `await`, casts and chained calls. */
function climb(node: Node, ancestors: Node[]): { top: Node; at: number; chain: t.CallExpression[] } {
  let top = node;
  const chain: t.CallExpression[] = [];
  let i = ancestors.length - 1;
  while (i >= 0) {
    const p = ancestors[i];
    if (PASS_THROUGH.has(p.type)) {
      top = p;
      i--;
      continue;
    }
    const call = ancestors[i - 1];
    const isMember = (p.type === 'MemberExpression' || p.type === 'OptionalMemberExpression') && p.object === top;
    const method = isMember && p.property.type === 'Identifier' ? p.property.name : '';
    if (isMember && call?.type === 'CallExpression' && call.callee === p && !/^(then|catch|finally)$/.test(method)) {
      chain.push(call);
      top = call;
      i -= 2;
      continue;
    }
    break;
  }
  return { top, at: i, chain };
}

/** `create(data, function (err, user) {...})` or `create(data).then((user) => ...)`, with the callback's ancestors. */
function callbackOf(call: Node, ancestors: Node[], at: number): { fn: FunctionNode; ancestors: Node[] } | null {
  if (call.type === 'CallExpression') {
    const last = call.arguments[call.arguments.length - 1] as Node | undefined;
    if (last && isFunction(last)) return { fn: last, ancestors: [...ancestors, call] };
  }
  const parent = ancestors[at];
  const then = ancestors[at - 1];
  if (parent?.type === 'MemberExpression' && parent.property.type === 'Identifier' && parent.property.name === 'then' && then?.type === 'CallExpression') {
    const first = then.arguments[0] as Node | undefined;
    if (first && isFunction(first)) return { fn: first, ancestors: ancestors.slice(0, at) };
  }
  return null;
}

/** The user's fields from what the creation's value is bound to: `user`, `[user]`, `{ id, email }`, `{ user }`. */
function fieldsFromBinding(binding: Node, shape: Shape, whole = true): CustomerFields | null {
  const sdk = whole ? SDK_RESULTS.find((r) => r.call.test(shape.creation.description)) : undefined;
  if (binding.type === 'Identifier') {
    // A raw query's result is not the row (`result.rows[0]`): only a destructured row is.
    if (whole && shape.creation.description === 'INSERT INTO users') return null;
    if (sdk) return sdkFields(`${binding.name}.${sdk.path.join('.')}`, sdk, shape);
    return recordFields(recordThrough(binding.name, shape), shape, dataOf(shape));
  }
  if (binding.type === 'AssignmentPattern') return fieldsFromBinding(binding.left, shape, whole);
  if (binding.type === 'ArrayPattern') {
    const first = binding.elements[0];
    return first ? fieldsFromBinding(first, shape, false) : null;
  }
  if (binding.type !== 'ObjectPattern') return null;
  const locals = new Map<string, string>();
  const sdkLocal = (key: string) => {
    const prop = binding.properties.find((p) => p.type === 'ObjectProperty' && propertyKey(p) === key) as t.ObjectProperty | undefined;
    return prop?.value.type === 'Identifier' ? prop.value.name : null;
  };
  if (sdk && sdkLocal(sdk.path[0])) return sdkFields([sdkLocal(sdk.path[0]), ...sdk.path.slice(1)].join('.'), sdk, shape);
  for (const prop of binding.properties) {
    if (prop.type !== 'ObjectProperty') continue;
    const key = propertyKey(prop);
    const value = prop.value.type === 'AssignmentPattern' ? prop.value.left : prop.value;
    if (key && value.type === 'Identifier') locals.set(key, value.name);
    else if (key && WRAPPER_KEYS.includes(key) && (value.type === 'ObjectPattern' || value.type === 'ArrayPattern')) {
      const inner = fieldsFromBinding(value, shape, false);
      if (inner) return inner;
    }
  }
  const id = ID_KEYS.find((k) => locals.has(k));
  if (id) return { externalId: locals.get(id) as string, email: locals.get('email') ?? localNamed(shape, 'email'), name: locals.get('name') ?? localNamed(shape, 'name') };
  const wrapper = WRAPPER_KEYS.find((k) => locals.has(k) && k !== 'data' && k !== 'rows');
  return wrapper ? recordFields(locals.get(wrapper) as string, shape, null) : null;
}

/** Auth SDK sign-ups whose result wraps the user: where the user is in it, and whether it may be null. */
const SDK_RESULTS: Array<{ call: RegExp; path: string[]; id: string; nullable: boolean }> = [
  // supabase.auth.signUp() → { data: { user: User | null }, error }
  { call: /\.auth\.signUp\(\)$/, path: ['data', 'user'], id: 'id', nullable: true },
  // better-auth auth.api.signUpEmail() → { user, token }
  { call: /\.signUpEmail\(\)$/, path: ['user'], id: 'id', nullable: false },
  // firebase createUserWithEmailAndPassword() → UserCredential { user: { uid } }
  { call: /createUserWithEmailAndPassword\(\)$/, path: ['user'], id: 'uid', nullable: false },
];

function sdkFields(record: string, sdk: (typeof SDK_RESULTS)[number], shape: Shape): CustomerFields {
  const dot = sdk.nullable ? '?.' : '.';
  return { externalId: `${record}${dot}${sdk.id}`, email: `${record}${dot}email`, name: localNamed(shape, 'name') };
}

/**
 * A variable holding the creation's result may be a wrapper (`result.user`, `data.user`): the code's own
 * reads of an id through it say which; without any, the value is the record itself.
 */
function recordThrough(name: string, shape: Shape): string {
  const reads = readsIn(shape.handler, shape.source);
  const idRead = [...reads.keys()]
    .filter((r) => r.startsWith(`${name}.`) && ID_KEYS.includes(r.split('.').pop() as string))
    .sort((a, b) => a.length - b.length)[0];
  if (idRead) return idRead.slice(0, idRead.lastIndexOf('.'));
  const userRead = [...reads.keys()].find((r) => r === `${name}.user` || r.startsWith(`${name}.user.`));
  return userRead ? `${name}.user` : name;
}

/** `record.id`, and its email and name when the creation data or the code's own reads show them. */
function recordFields(record: string, shape: Shape, data: t.ObjectExpression | null): CustomerFields {
  const reads = readsIn(shape.handler, shape.source);
  const idKey = ID_KEYS.find((k) => reads.has(`${record}.${k}`)) ?? 'id';
  const keys = new Set(orm(shape.creation) && data ? data.properties.map((p) => propertyKey(p)).filter(Boolean) : []);
  const field = (key: string): string | null => {
    if (keys.has(key) || reads.has(`${record}.${key}`)) return `${record}.${key}`;
    return localNamed(shape, key);
  };
  return { externalId: reads.get(`${record}.${idKey}`) ?? `${record}.${idKey}`, email: field('email'), name: field('name') };
}

/** ORM calls return the row they were given; a service function's input says nothing about its output. */
function orm(creation: UserCreation): boolean {
  return !creation.description.endsWith('()') || creation.description.endsWith('.save()');
}

/** The object literal showing the new row's fields: `{ data: {...} }`, `create({...})`, `.values({...})`. */
function dataOf(shape: Shape): t.ObjectExpression | null {
  // Drizzle `.returning({ id: users.id, email: users.email })`: the row holds only the selected fields.
  const selected = shape.chain.find((c) => /\.returning$/.test(dottedName(c.callee) ?? '') && c.arguments[0]?.type === 'ObjectExpression');
  if (selected) return selected.arguments[0] as t.ObjectExpression;
  const calls = [shape.creation.node, ...shape.chain].filter((c): c is t.CallExpression => c.type === 'CallExpression');
  for (const call of calls) {
    const first = call.arguments[0] as Node | undefined;
    if (first?.type !== 'ObjectExpression') continue;
    const data = first.properties.find((p) => p.type === 'ObjectProperty' && propertyKey(p) === 'data') as t.ObjectProperty | undefined;
    return data?.value.type === 'ObjectExpression' ? data.value : first;
  }
  return null;
}

/** `const user = new User({...})` (or `= {...}`) declared in the handler: the literal it is built from. */
function dataOfLocal(handler: FunctionNode, name: string): t.ObjectExpression | null {
  let found: t.ObjectExpression | null = null;
  walk(handler.body, (node) => {
    if (found || node.type !== 'VariableDeclarator' || node.id.type !== 'Identifier' || node.id.name !== name || !node.init) return;
    const init = unwrap(node.init);
    if (init.type === 'ObjectExpression') found = init;
    else if (init.type === 'NewExpression' && init.arguments[0]?.type === 'ObjectExpression') found = init.arguments[0];
  });
  return found;
}

/** `user.save()` → `user`; `users.push(user)` / `users.set(id, user)` → `user`. */
function savedObject(call: Node): string | null {
  if (call.type !== 'CallExpression' || call.callee.type !== 'MemberExpression' || call.callee.property.type !== 'Identifier') return null;
  const method = call.callee.property.name;
  if (method === 'save' && call.callee.object.type === 'Identifier') return call.callee.object.name;
  const last = call.arguments[call.arguments.length - 1];
  if ((method === 'push' || method === 'set') && last?.type === 'Identifier') return last.name;
  return null;
}

/** An `email` / `name` local (or parameter) of the handler, e.g. from the validated request body. */
function localNamed(shape: Shape, key: string): string | null {
  let found = false;
  const bind = (p: Node | null | undefined): void => {
    if (!p || found) return;
    if (p.type === 'Identifier') found = p.name === key;
    else if (p.type === 'ObjectPattern') p.properties.forEach((q) => bind(q.type === 'RestElement' ? q.argument : q.value));
    else if (p.type === 'AssignmentPattern') bind(p.left);
  };
  shape.handler.params.forEach((p) => bind(p));
  // Only declarations in the handler's own body, not in blocks or callbacks the insertion point cannot see.
  const body = shape.handler.body.type === 'BlockStatement' ? shape.handler.body.body : [];
  for (const stmt of body) {
    if ((stmt.end ?? 0) > (shape.creation.node.start ?? 0)) break;
    if (stmt.type === 'VariableDeclaration') stmt.declarations.forEach((d) => bind(d.id));
  }
  return found ? key : null;
}

const readCache = new WeakMap<Node, Map<string, string>>();

/** Member chains read in the handler, as normalised text → original text. */
function readsIn(fn: FunctionNode, source: string): Map<string, string> {
  const cached = readCache.get(fn);
  if (cached) return cached;
  const reads = new Map<string, string>();
  walk(fn.body, (node) => {
    if (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression') return;
    const name = dottedName(node);
    if (name && !name.includes('()') && !reads.has(name)) reads.set(name, source.slice(node.start ?? 0, node.end ?? 0));
  });
  readCache.set(fn, reads);
  return reads;
}

function enclosingIsAsync(ancestors: Node[]): boolean {
  for (let i = ancestors.length - 1; i >= 0; i--) if (isFunction(ancestors[i])) return (ancestors[i] as FunctionNode).async === true;
  return false;
}

/** The statement (directly in a statement list, or a braceless body) that holds ancestors[at]. */
function statementOf(ancestors: Node[], at: number): { statement: Node; ancestors: Node[] } | null {
  for (let i = at; i >= 1; i--) {
    if (/Statement$|Declaration$/.test(ancestors[i].type) && ancestors[i].type !== 'BlockStatement') return { statement: ancestors[i], ancestors: ancestors.slice(0, i) };
    if (isFunction(ancestors[i])) return null;
  }
  return null;
}

function statementNode(ancestors: Node[], at: number): Node | null {
  return statementOf(ancestors, at)?.statement ?? null;
}

function firstLine(code: string): string {
  const line = code.split('\n')[0];
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
