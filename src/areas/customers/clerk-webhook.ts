// Clerk creates users itself and tells the app through its `user.created` webhook. The call goes in the
// branch that handles that event, with Clerk's user id (what `auth().userId` gives the rest of the app).
import type * as t from '@babel/types';
import { statementSlot } from '../../ast/edit.js';
import { dottedName, enclosingFunction, lineOf, propertyKey } from '../../ast/nodes.js';
import { contains, walk, type Node } from '../../ast/walk.js';
import { applyStyle } from '../../ast/style.js';
import { describeUserCreation } from '../../detect/user-creation.js';
import { customerCall } from './customer-call.js';
import type { CustomerFields } from './created-user.js';
import { statementsFrom } from '../../ast/object-text.js';
import { callsEnsureCustomer, reportMarkersWithin, stopAt, type Located } from './site.js';
import type { FileEdit, SignupTarget } from './types.js';

type ClerkTarget = Extract<SignupTarget, { kind: 'clerk' }>;

interface Branch {
  /** The statements that run for `user.created`. */
  body: t.Statement[];
  /** The event's payload expression (`evt.data`, `data`). */
  data: string;
  ancestors: Node[];
}

export function addToClerkWebhook(edit: FileEdit, target: ClerkTarget, found: Located<t.StringLiteral>): void {
  const branch = branchOf(edit, found);
  const fallback = { externalId: 'evt.data.id', email: null, name: null };
  if (!branch) {
    return stopAt(edit, {
      statement: null,
      line: lineOf(found.node),
      reason: `${target.label}: the code that handles 'user.created' is not an if or switch branch on the event type`,
      message: `${target.label}: create the billing customer where user.created is handled`,
      snippet: customerCall('billing', fallback, 'await'),
    });
  }
  if (branch.body.some(callsEnsureCustomer)) return branch.body.forEach((stmt) => reportMarkersWithin(edit, stmt));
  const fields = fieldsIn(branch);
  const fn = enclosingFunction(branch.ancestors);
  const awaitable = fn?.async === true;
  const code = applyStyle(customerCall(edit.billing(), fields, awaitable ? 'await' : 'void'), edit.style);
  const statements = statementsFrom(edit.j, code);
  const creation = branch.body.findIndex(createsUser);
  branch.body.splice(creation === -1 ? endOfWork(branch.body) : creation + 1, 0, ...statements);
  edit.changed = true;
  edit.reporter.note(`Customer creation added to ${target.label} (${edit.path}:${lineOf(found.node)}): Clerk sends user.created for every new user, OAuth sign-ins included.`);
}

/** The branch `if (evt.type === 'user.created') {...}` or `case 'user.created': ...` around the literal. */
function branchOf(edit: FileEdit, found: Located<t.StringLiteral>): Branch | null {
  const chain = [...found.ancestors, found.node];
  const parent = chain[chain.length - 2];
  if (parent?.type === 'SwitchCase' && parent.test === found.node) {
    const sw = chain[chain.length - 3] as t.SwitchStatement;
    const data = dataOf(edit, sw.discriminant, chain);
    const only = parent.consequent.length === 1 && parent.consequent[0].type === 'BlockStatement' ? (parent.consequent[0] as t.BlockStatement) : null;
    const ancestors = only ? [...chain.slice(0, -1), only] : chain.slice(0, -1);
    return data && parent.consequent.length ? { body: only ? only.body : parent.consequent, data, ancestors } : null;
  }
  if (parent?.type !== 'BinaryExpression' || !/^={2,3}$/.test(parent.operator)) return null;
  const other = parent.left === found.node ? parent.right : parent.left;
  for (let i = chain.length - 3; i >= 0; i--) {
    const node = chain[i];
    if (node.type === 'LogicalExpression' && node.operator === '&&') continue;
    if (node.type !== 'IfStatement' || !contains(node.test, parent)) return null;
    const data = dataOf(edit, other, chain);
    if (!data) return null;
    // `if (...) await handle(evt);` gets braces so there is a list to insert into.
    if (node.consequent.type !== 'BlockStatement') statementSlot(node.consequent, chain.slice(0, i + 1));
    const block = node.consequent as t.BlockStatement;
    return { body: block.body, data, ancestors: [...chain.slice(0, i + 1), block] };
  }
  return null;
}

/** `evt.type` → `evt.data`; a bare `type` / `eventType` local → the `data` local beside it, if any. */
function dataOf(edit: FileEdit, typeExpr: Node, chain: Node[]): string | null {
  if (typeExpr.type === 'MemberExpression' && dottedName(typeExpr)?.endsWith('.type')) {
    return `${edit.source.slice(typeExpr.object.start ?? 0, typeExpr.object.end ?? 0)}.data`;
  }
  if (typeExpr.type !== 'Identifier') return null;
  const fn = enclosingFunction(chain);
  let hasData = false;
  if (fn) {
    walk(fn.body, (n) => {
      if (n.type === 'VariableDeclarator' && n.id.type === 'ObjectPattern') {
        hasData ||= n.id.properties.some((p) => p.type === 'ObjectProperty' && propertyKey(p) === 'data' && p.value.type === 'Identifier' && p.value.name === 'data');
      }
    });
  }
  return hasData ? 'data' : null;
}

/** Clerk's user id, and the email and name when the branch has them in locals. */
function fieldsIn(branch: Branch): CustomerFields {
  const fields: CustomerFields = { externalId: `${branch.data}.id`, email: null, name: null };
  for (const stmt of branch.body) {
    if (stmt.type !== 'VariableDeclaration') continue;
    for (const d of stmt.declarations) {
      if (d.id.type === 'Identifier' && (d.id.name === 'email' || d.id.name === 'name')) fields[d.id.name] = d.id.name;
      if (d.id.type !== 'ObjectPattern' || !d.init || dottedName(d.init) !== branch.data) continue;
      for (const p of d.id.properties) {
        if (p.type === 'ObjectProperty' && propertyKey(p) === 'id' && p.value.type === 'Identifier') fields.externalId = p.value.name;
      }
    }
  }
  return fields;
}

/** The app also keeps its own user row for the event: the call goes after it. */
function createsUser(stmt: t.Statement): boolean {
  let found = false;
  walk(stmt, (n) => {
    if (found) return 'skip';
    if (describeUserCreation(n)) found = true;
  });
  return found;
}

/** Before the branch's closing `break` / `return`, so the locals it declares are in scope. */
function endOfWork(body: t.Statement[]): number {
  let i = body.length;
  while (i > 0 && /^(BreakStatement|ReturnStatement|ContinueStatement)$/.test(body[i - 1].type)) i--;
  return i;
}
