// Where a handler's gate goes: before the statement, in the handler's own body, that holds the first
// billable call of the request's path — so authentication, validation and any quota check written earlier
// still answer first. Calls inside callbacks are gated before the call that takes the callback; calls in a
// loop, before the loop (one check per request); calls in several branches, before the statement that holds
// them all. Nothing here edits the tree.
import { dottedName, functionName, isFunction, type FunctionNode } from '../../ast/nodes.js';
import { findAll, walk, type Node } from '../../ast/walk.js';
import { isCall } from '../../detect/billable-calls.js';

/** A billable call (or a call to a billable helper) in a handler. */
export interface CallAt {
  call: Node;
  ancestors: Node[];
}

export interface GatePoint {
  /** The node to gate before, and its ancestors: `statementSlot(target, ancestors)` gives the statement. */
  target: Node;
  ancestors: Node[];
  /** Source offset of the gate position: the user must be known before it. */
  start: number;
}

const LOOP = /^(For|ForIn|ForOf|While|DoWhile)Statement$/;

export function gatePoint(fn: FunctionNode, calls: readonly CallAt[]): GatePoint | { reason: string } {
  const anchors: CallAt[] = [];
  for (const call of calls) {
    const anchor = anchorOf(fn, call, 0);
    if ('reason' in anchor) return anchor;
    anchors.push(anchor);
  }
  anchors.sort((a, b) => (a.call.start ?? 0) - (b.call.start ?? 0));
  const chains = anchors.map((a) => [...a.ancestors, a.call]);
  let depth = 0;
  while (chains.every((c) => depth < c.length && c[depth] === chains[0][depth])) depth++;
  const first = chains[0];
  // The child of the deepest common node on the way to the first call (or that node itself).
  const at = Math.min(depth, first.length - 1);
  const target = first[at];
  return { target, ancestors: first.slice(0, at), start: statementStart(first, at) };
}

/**
 * The node in `fn`'s own body that stands for a call: the call itself, the loop around it, or the call that
 * takes the callback around it. A function declared inside the handler stands for itself where it is called.
 */
function anchorOf(fn: FunctionNode, at: CallAt, depth: number): CallAt | { reason: string } {
  const from = at.ancestors.indexOf(fn);
  if (from === -1) return { reason: 'the call is not inside the handler function' };
  for (let k = from + 1; k < at.ancestors.length; k++) {
    const node = at.ancestors[k];
    if (LOOP.test(node.type)) return { call: node, ancestors: at.ancestors.slice(0, k) };
    if (!isFunction(node)) continue;
    const holder = callTaking(at.ancestors, k);
    if (holder !== -1) return { call: at.ancestors[holder], ancestors: at.ancestors.slice(0, holder) };
    const name = functionName(node, at.ancestors.slice(0, k));
    const use = name && depth < 3 ? firstCallOf(fn, name, at.ancestors.slice(0, from + 1), node) : null;
    if (!use) return { reason: `the call runs in ${name ? `\`${name}\`` : 'a function'} declared inside the handler, and the tool cannot tell when that runs` };
    return anchorOf(fn, use, depth + 1);
  }
  return at;
}

/**
 * The call a function is handed to, directly or inside an object or array literal (a stream's
 * `execute`, a tool's `execute` in `tools: { ... }`, an artifact handler): the index of that call in
 * `ancestors`, or -1. The function runs when that call decides, so the gate goes before the call.
 */
function callTaking(ancestors: readonly Node[], k: number): number {
  let child = ancestors[k];
  for (let i = k - 1; i >= 0; i--) {
    const parent = ancestors[i];
    if (isCall(parent)) return (parent.arguments as Node[]).includes(child) ? i : -1;
    if (!/^(ObjectProperty|ObjectExpression|ArrayExpression)$/.test(parent.type)) return -1;
    child = parent;
  }
  return -1;
}

/** The first call of a function named `name` in `fn`, outside the function itself. */
function firstCallOf(fn: FunctionNode, name: string, fnAncestors: Node[], declared: Node): CallAt | null {
  const calls = findAll(fn.body, (n) => isCall(n) && dottedName(n.callee) === name);
  const outside = calls.filter((c) => !c.ancestors.includes(declared));
  if (!outside.length) return null;
  const { node, ancestors } = outside[0];
  return { call: node, ancestors: [...fnAncestors, ...ancestors] };
}

/** Start of the statement (in a statement list) that holds chain[at], else of the node itself. */
function statementStart(chain: Node[], at: number): number {
  for (let i = at; i > 0; i--) {
    const parent = chain[i - 1];
    if (parent.type === 'BlockStatement' || parent.type === 'Program' || parent.type === 'SwitchCase') return chain[i].start ?? 0;
    if (isFunction(parent)) break;
  }
  return chain[at].start ?? 0;
}

/** Whether `fn` already checks a balance (`billing.checkBalance(...)`, `checkBalance(...)`) before `offset`. */
export function checkBalanceBefore(fn: FunctionNode, offset: number): boolean {
  let found = false;
  walk(fn.body, (node) => {
    if (found) return 'skip';
    if (isCall(node) && (node.start ?? Infinity) < offset && /(^|\.)checkBalance$/.test(dottedName(node.callee) ?? '')) found = true;
  });
  return found;
}

const STARTS_RESPONSE = /^(write|writeHead|flushHeaders|hijack)$/;

/**
 * A call in the handler's own body, before `offset`, that starts sending the response (`res.write(...)`,
 * `reply.raw.writeHead(...)`, `reply.hijack()`): after it a 402 can no longer be sent. Callbacks run later
 * and do not count.
 */
export function responseStartedBefore(fn: FunctionNode, response: string | null, offset: number): { text: string; line: number; at: CallAt } | null {
  if (!response) return null;
  let found: { text: string; line: number; at: CallAt } | null = null;
  walk(fn.body, (node, ancestors) => {
    if (found || isFunction(node)) return 'skip';
    if (!isCall(node) || (node.end ?? Infinity) > offset) return;
    const name = dottedName(node.callee) ?? '';
    const parts = name.split('.');
    const method = parts.pop() ?? '';
    const receiver = parts.join('.');
    if (STARTS_RESPONSE.test(method) && (receiver === response || receiver === `${response}.raw`)) {
      found = { text: `${name}()`, line: node.loc?.start.line ?? 0, at: { call: node, ancestors: [fn, ...ancestors] } };
    }
  });
  return found;
}
