// The customers step for a request handler (or a function the config names): find the statement that creates
// the user, and put one ensureCustomer call right after it, awaited where the handler can wait for it.
import type * as t from '@babel/types';
import { insertAfter, statementSlot, type StatementSlot } from '../../ast/edit.js';
import { applyStyle } from '../../ast/style.js';
import { enclosingFunction, lineOf, type FunctionNode } from '../../ast/nodes.js';
import type { Node } from '../../ast/walk.js';
import { findUserCreations } from '../../detect/user-creation.js';
import { roleOf, type HandlerRole } from '../../frameworks/responses.js';
import { locateCreatedUser, type CustomerFields, type Placement } from './created-user.js';
import { typedFields, type ResultAt } from './typed-id.js';
import { customerArgument, customerCall, type CallMode } from './customer-call.js';
import { statementsFrom } from '../../ast/object-text.js';
import { paymentSnippet, sendToPayment } from './payment.js';
import { callsEnsureCustomer, reportMarkersWithin, statementOfFunction, stopAt, type Located } from './site.js';
import type { FileEdit, SignupTarget } from './types.js';

type HandlerTarget = Extract<SignupTarget, { kind: 'handler' }>;

/** Roles whose handler may be made async to await the call (the framework awaits what they return). */
const MAY_BECOME_ASYNC = new Set<HandlerRole>(['pages', 'next-route', 'server-action']);

export function addToHandler(edit: FileEdit, target: HandlerTarget, found: Located<FunctionNode>): void {
  if (callsEnsureCustomer(found.node)) return reportMarkersWithin(edit, found.node);
  const [creation] = findUserCreations(found.node, found.ancestors);
  const snippet = (id: string) => customerCall('billing', { externalId: id, email: null, name: null }, 'await');
  if (!creation) {
    return stopAt(edit, {
      statement: statementOfFunction(found),
      line: lineOf(found.node),
      reason: `${target.label}: no statement that creates a user was recognised`,
      message: `${target.label}: create the billing customer right after the user is created`,
      snippet: snippet('user.id'),
    });
  }
  const located = locateCreatedUser(creation, found.node, edit.source, () => edit.planner.reserveReadable(['user', 'createdUser', 'newUser']));
  if (!located.ok) {
    const statement = creation.ancestors.findLast((a) => /Statement$|Declaration$/.test(a.type) && a.type !== 'BlockStatement') ?? null;
    return stopAt(edit, {
      statement,
      line: lineOf(creation.node),
      reason: `${target.label}: ${located.reason}`,
      message: `${target.label}: ${located.todo ?? 'keep the new user in a variable and create the billing customer after it'}`,
      snippet: `// right after the user is created, with its id (and email and name when you have them):\n${snippet('user.id')}`,
    });
  }
  const typed = typedFields(located.fields, resultAt(located.placement), edit.options.types?.() ?? null, creation.description);
  if (!typed.ok) {
    const statement = creation.ancestors.findLast((a) => /Statement$|Declaration$/.test(a.type) && a.type !== 'BlockStatement') ?? null;
    return stopAt(edit, { statement, line: lineOf(creation.node), reason: `${target.label}: ${typed.reason}`, message: `${target.label}: ${typed.todo}`, snippet: snippet('user.id') });
  }
  insertCall(edit, target, found, typed.fields, located.placement, creation.description);
}

/** Where the checker can see the new user: the variable after its statement, inside the callback, or the expression kept. */
function resultAt(placement: Placement): ResultAt {
  if (placement.at === 'keep') return { kind: 'expression', start: placement.expression.start ?? 0, end: placement.expression.end ?? 0, name: placement.name };
  if (placement.at === 'callback') return { kind: 'variable', offset: (placement.fn.body.start ?? 0) + 1 };
  return { kind: 'variable', offset: placement.statement.end ?? 0 };
}

function insertCall(edit: FileEdit, target: HandlerTarget, handler: Located<FunctionNode>, fields: CustomerFields, placement: Placement, created: string): void {
  const role = target.handler === 'function' ? null : roleOf(target.handler);
  const fn = placement.at === 'callback' ? placement.fn : enclosingFunction(placement.ancestors) ?? handler.node;
  let awaitable = fn.async === true;
  const madeAsync = !awaitable && fn === handler.node && role !== null && MAY_BECOME_ASYNC.has(role);
  if (madeAsync) awaitable = true;
  const line = lineOf(placement.at === 'callback' ? placement.fn : placement.statement);
  if (!awaitable && edit.options.onError === 'fail') {
    return stopAt(edit, {
      statement: placement.statement,
      line,
      reason: `${target.label}: customers.onError is 'fail', but this callback-style handler cannot wait for billing`,
      message: `${target.label}: make the handler wait for billing.ensureCustomer before it answers, so a billing failure fails the signup`,
      snippet: customerCall('billing', fields, 'await'),
    });
  }
  if (madeAsync) fn.async = true;
  const payment = edit.options.payment === true;
  const mode: CallMode = !awaitable ? 'void' : payment ? 'keep' : 'await';
  const customer = mode === 'keep' ? edit.planner.reserve('customer') : 'customer';
  const statements = statementsFrom(edit.j, applyStyle(customerCall(edit.billing(), fields, mode, customer), edit.style));
  const slot = place(edit, placement, statements);
  if (!slot) {
    edit.reporter.skip(line, `${target.label}: no statement list to insert into after ${created}`);
    return;
  }
  edit.changed = true;
  const inserted = statements[0];
  const where = `${target.label} (${edit.path}:${line})`;
  edit.reporter.note(`Customer creation added to ${where}, after ${created}${madeAsync ? ' (the handler is now async so it can await it)' : ''}.`);
  if (!awaitable) edit.reporter.note(`${where} is callback-style: customer creation there is not awaited, so signup answers without waiting for billing (failures are logged).`);
  if (!payment) return;
  const index = slot.body.indexOf(inserted);
  if (mode === 'keep' && sendToPayment(edit, role, handler.node, slot.body, index, customer, !insideTry(placement))) return;
  // Nothing to send the person there with: the plain call (an unused `customer` would not compile under
  // noUnusedLocals), the marker, and the code to add in the manual step.
  const plain = mode === 'keep' ? statementsFrom(edit.j, applyStyle(customerCall(edit.billing(), fields, 'await'), edit.style))[0] : inserted;
  slot.body.splice(index, 1, plain);
  stopAt(edit, {
    statement: plain,
    line,
    message: `${target.label}: a configured product has a fixed fee; keep the result of billing.ensureCustomer and send the person to its paymentUrl when it is set`,
    snippet:
      mode === 'void'
        ? `billing.ensureCustomer(${customerArgument(fields)}).then((customer) => {\n  // answer from here, sending the person to customer?.paymentUrl when it is set\n});`
        : `${customerCall('billing', fields, 'keep')}\n${paymentSnippet(role, handler.node, 'customer')}`,
  });
}

/** Inserts the statements where the placement says; returns the statement list they went into. */
function place(edit: FileEdit, placement: Placement, statements: t.Statement[]): StatementSlot | null {
  if (placement.at === 'after') {
    const slot = statementSlot(placement.statement, placement.ancestors);
    if (slot) insertAfter(slot, statements);
    return slot;
  }
  if (placement.at === 'keep') {
    const slot = statementSlot(placement.statement, placement.ancestors);
    if (!slot) return null;
    const { j } = edit;
    const value = placement.expression.type === 'AwaitExpression' ? placement.expression : j.awaitExpression(placement.expression as never);
    const declarator = j.variableDeclarator(j.identifier(placement.name), value as never);
    const index = slot.body.indexOf(slot.statement);
    if (placement.statement.type === 'ReturnStatement') {
      const declaration = j.variableDeclaration('const', [declarator]) as unknown as t.Statement;
      slot.body.splice(index, 1, declaration, ...statements, j.returnStatement(j.identifier(placement.name)) as unknown as t.Statement);
      return { ...slot, statement: declaration, index };
    }
    // The statement becomes the declaration in place, so recast keeps its comments and the lines around it.
    Object.assign(placement.statement, { type: 'VariableDeclaration', kind: 'const', declarations: [declarator] });
    delete (placement.statement as { expression?: unknown }).expression;
    slot.body.splice(index + 1, 0, ...statements);
    return slot;
  }
  const body = placement.fn.body;
  if (body.type !== 'BlockStatement') {
    const slot = statementSlot(body, [...placement.ancestors, placement.fn]);
    if (slot) slot.body.splice(0, 0, ...statements);
    return slot;
  }
  const guard = errorGuards(body.body, placement.fn);
  body.body.splice(guard, 0, ...statements);
  return { statement: statements[0], body: body.body, index: guard };
}

/** How many leading statements of a Node-style callback handle its error (`if (err) return next(err);`). */
function errorGuards(body: t.Statement[], fn: FunctionNode): number {
  const first = fn.params[0];
  const err = fn.params.length >= 2 && first?.type === 'Identifier' ? first.name : null;
  let i = 0;
  while (err && i < body.length && body[i].type === 'IfStatement' && mentions((body[i] as t.IfStatement).test, err)) i++;
  return i;
}

function mentions(node: Node, name: string): boolean {
  if (node.type === 'Identifier') return node.name === name;
  if (node.type === 'UnaryExpression') return mentions(node.argument, name);
  if (node.type === 'LogicalExpression' || node.type === 'BinaryExpression') return mentions(node.left, name) || mentions(node.right, name);
  if (node.type === 'MemberExpression') return mentions(node.object, name);
  return false;
}

/** A redirect from a server action throws; inside `try` the app's own catch would swallow it. */
function insideTry(placement: Placement): boolean {
  return placement.ancestors.some((a) => a.type === 'TryStatement');
}
