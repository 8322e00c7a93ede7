// Fixed-fee products: a new customer's subscription waits for payment, and the handler must send the person
// to `paymentUrl` in the framework's own way. Server actions and pages redirect; API routes add the URL to
// the JSON object they already answer with. Anything else is a manual step.
import type * as t from '@babel/types';
import { dottedName, getPropertyValue, isFunction, type FunctionNode } from '../../ast/nodes.js';
import { walk, type Node } from '../../ast/walk.js';
import { applyStyle } from '../../ast/style.js';
import type { HandlerRole } from '../../frameworks/responses.js';
import { paramName } from '../../analysis/signed-in-user.js';
import { expressionFrom, nodeText, replaceChild, statementsFrom, withProperty } from '../../ast/object-text.js';
import type { FileEdit } from './types.js';

interface PaymentEdit {
  parent: Node;
  node: Node;
  /** The replacement's text, or null when the node cannot be rewritten. */
  text: string | null;
}

/**
 * Wires `customer.paymentUrl` into the responses that follow the ensureCustomer call (the statements after
 * it in `body`): a redirect's target, or a `paymentUrl` field in a JSON object literal; a server action with
 * no redirect gets one (unless `mayAddRedirect` is false: inside `try`, the app's catch would swallow it).
 * Returns false, having changed nothing, when there is nothing to wire it into (the caller leaves a manual step).
 */
export function sendToPayment(edit: FileEdit, role: HandlerRole | null, handler: FunctionNode, body: t.Statement[], index: number, customer: string, mayAddRedirect: boolean): boolean {
  if (!role) return false;
  const following = body.slice(index + 1);
  const edits: PaymentEdit[] = [];
  let unusable = false;
  const fallback = (node: Node) => `${customer}?.paymentUrl ?? ${edit.source.slice(node.start ?? 0, node.end ?? 0)}`;
  const jsonField = (object: Node, parent: Node) => {
    if (object.type !== 'ObjectExpression') return void (unusable = true);
    const text = withProperty(nodeText(edit.source, object), `paymentUrl: ${customer}?.paymentUrl ?? null`, edit.style);
    edits.push({ parent, node: object, text });
  };
  const redirectTo = (arg: Node, parent: Node) => edits.push({ parent, node: arg, text: fallback(arg) });

  for (const stmt of following) {
    walk(stmt, (node, ancestors) => {
      if (node.type === 'ReturnStatement' && role === 'fastify' && node.argument?.type === 'ObjectExpression' && enclosing(ancestors, handler)) {
        jsonField(node.argument, node);
        return;
      }
      if (node.type !== 'CallExpression') return;
      const site = responseSite(node, role, handler);
      if (!site) return;
      if (site.kind === 'json') jsonField(site.arg, node);
      else redirectTo(site.arg, node);
    });
  }
  if (unusable || edits.some((e) => e.text === null)) return false;
  if (edits.length === 0) return role === 'server-action' && mayAddRedirect ? addRedirect(edit, body, index, customer) : false;
  for (const e of edits) replaceChild(e.parent, e.node, expressionFrom(edit.j, e.text as string));
  return true;
}

type Site = { kind: 'json' | 'redirect'; arg: Node };

/** A success response of this kind of handler, with the argument to rewrite. */
function responseSite(call: t.CallExpression, role: HandlerRole, handler: FunctionNode): Site | null {
  const callee = dottedName(call.callee) ?? '';
  const method = callee.split('.').pop() ?? '';
  const [first, second] = call.arguments as Node[];
  if (!first) return null;
  switch (role) {
    case 'server-action':
      return callee === 'redirect' ? { kind: 'redirect', arg: first } : null;
    case 'next-route': {
      if (!/^(NextResponse|Response)\.(json|redirect)$/.test(callee)) return null;
      if (method === 'redirect') return { kind: 'redirect', arg: first };
      return failureStatus(getPropertyValue(second, 'status')) ? null : { kind: 'json', arg: first };
    }
    case 'express':
    case 'pages':
    case 'fastify': {
      const receiver = paramName(handler, 1);
      if (!receiver || !callee.startsWith(`${receiver}.`)) return null;
      if (method === 'redirect') return { kind: 'redirect', arg: call.arguments[call.arguments.length - 1] as Node };
      if (!/^(json|send)$/.test(method) || failureStatus(statusOf(call))) return null;
      return { kind: 'json', arg: first };
    }
  }
}

/** `res.status(409).json(...)` → the 409 literal. */
function statusOf(call: t.CallExpression): Node | null {
  let object: Node = (call.callee as t.MemberExpression).object;
  while (object.type === 'CallExpression' && object.callee.type === 'MemberExpression') {
    const name = object.callee.property.type === 'Identifier' ? object.callee.property.name : '';
    if (/^(status|code)$/.test(name)) return object.arguments[0] as Node;
    object = object.callee.object;
  }
  return null;
}

function failureStatus(node: Node | null | undefined): boolean {
  return node?.type === 'NumericLiteral' && node.value >= 400;
}

/** The node is in the handler itself, not in a callback inside it. */
function enclosing(ancestors: readonly Node[], handler: FunctionNode): boolean {
  for (let i = ancestors.length - 1; i >= 0; i--) if (isFunction(ancestors[i])) return ancestors[i] === handler;
  return false;
}

/** A server action with no redirect of its own: redirect before it returns (or at its end). */
function addRedirect(edit: FileEdit, body: t.Statement[], index: number, customer: string): boolean {
  const redirect = edit.planner.use({ source: 'next/navigation', name: 'redirect' });
  const code = applyStyle(`if (${customer}?.paymentUrl) ${redirect}(${customer}.paymentUrl);`, edit.style);
  let at = body.length;
  for (let i = index + 1; i < body.length; i++) {
    if (body[i].type === 'ReturnStatement') {
      at = i;
      break;
    }
  }
  const statements = statementsFrom(edit.j, code);
  // Built code next to other built code: without a location, recast puts it on its own line.
  if (at === index + 1) for (const s of statements) (s as { loc?: unknown }).loc = null;
  body.splice(at, 0, ...statements);
  return true;
}

/** What a person adds by hand, per kind of handler. */
export function paymentSnippet(role: HandlerRole | null, handler: FunctionNode, customer: string): string {
  const res = paramName(handler, 1) ?? 'res';
  switch (role) {
    case 'server-action':
      return `if (${customer}?.paymentUrl) redirect(${customer}.paymentUrl);`;
    case 'next-route':
    case 'express':
    case 'pages':
    case 'fastify':
      return `// in the JSON you answer with:\npaymentUrl: ${customer}?.paymentUrl ?? null,\n// or, for a form post:\nif (${customer}?.paymentUrl) return ${role === 'next-route' ? 'Response' : res}.redirect(${customer}.paymentUrl);`;
    default:
      return `if (${customer}?.paymentUrl) { /* send the person to ${customer}.paymentUrl */ }`;
  }
}
