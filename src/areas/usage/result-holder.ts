// Where a billable call's result is kept, so the event can read it right after: a variable
// (`const completion = await ...`), a destructuring (`const { text } = await generateText(...)`, which gets
// the fields the event needs added), or nowhere — then the awaited call is hoisted into a fresh `const`
// first, but only where that leaves the order in which the statement evaluates things unchanged.
import type * as t from '@babel/types';
import { statementSlot } from '../../ast/edit.js';
import { propertyKey } from '../../ast/nodes.js';
import type { Node } from '../../ast/walk.js';
import type { Root } from './event-data.js';
import { isPure, orderSafeStep } from './evaluation-order.js';

export type Holder =
  | { kind: 'variable'; name: string; statement: t.Statement; awaited: boolean }
  | { kind: 'pattern'; pattern: t.ObjectPattern; declarator: t.VariableDeclarator; statement: t.Statement }
  | { kind: 'hoist'; awaitNode: t.AwaitExpression; parent: Node; statementNode: Node; ancestors: Node[] }
  | { kind: 'none'; reason: string };

const WRAPPERS = new Set(['TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'ParenthesizedExpression', 'TSTypeAssertion']);

/** Where the value of `call` (given its ancestors) ends up. */
export function findHolder(call: Node, ancestors: readonly Node[]): Holder {
  let expr: Node = call;
  let i = ancestors.length - 1;
  let awaitNode: t.AwaitExpression | null = null;
  while (i >= 0 && (WRAPPERS.has(ancestors[i].type) || (ancestors[i].type === 'AwaitExpression' && !awaitNode))) {
    if (ancestors[i].type === 'AwaitExpression') awaitNode = ancestors[i] as t.AwaitExpression;
    expr = ancestors[i--];
  }
  const parent = ancestors[i];
  if (!parent) return { kind: 'none', reason: 'the call is not inside a statement' };
  if (parent.type === 'VariableDeclarator' && parent.init === expr) {
    const declaration = ancestors[i - 1] as t.VariableDeclaration;
    if (parent.id.type === 'Identifier') return { kind: 'variable', name: parent.id.name, statement: declaration, awaited: !!awaitNode };
    if (parent.id.type === 'ObjectPattern' && awaitNode) {
      if (parent.id.properties.some((p) => p.type === 'RestElement')) return { kind: 'none', reason: 'the result is destructured with a rest element, which the event fields would change' };
      return { kind: 'pattern', pattern: parent.id, declarator: parent, statement: declaration };
    }
  }
  if (parent.type === 'AssignmentExpression' && parent.operator === '=' && parent.right === expr && parent.left.type === 'Identifier' && ancestors[i - 1]?.type === 'ExpressionStatement') {
    return { kind: 'variable', name: parent.left.name, statement: ancestors[i - 1] as t.Statement, awaited: !!awaitNode };
  }
  if (parent.type === 'MemberExpression' && parent.object === expr && !awaitNode) {
    const method = propertyKey({ type: 'ObjectProperty', key: parent.property, computed: parent.computed } as t.ObjectProperty);
    if (method === 'then' || method === 'catch' || method === 'finally') return { kind: 'none', reason: `the result is used through .${method}() rather than awaited` };
  }
  if (!awaitNode) return { kind: 'none', reason: 'the call is not awaited where it is made (its promise is passed on)' };
  return hoistable(awaitNode, ancestors.slice(0, ancestors.indexOf(awaitNode)));
}

/** Whether the awaited call can move into a `const` before its statement without reordering anything. */
function hoistable(awaitNode: t.AwaitExpression, ancestors: Node[]): Holder {
  let child: Node = awaitNode;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const parent = ancestors[i];
    if (/Statement$|^VariableDeclaration$/.test(parent.type) || (parent.type === 'ArrowFunctionExpression' && parent.body === child)) {
      const reason = statementReason(parent, child);
      if (reason) return { kind: 'none', reason };
      return { kind: 'hoist', awaitNode, parent: ancestors[ancestors.length - 1], statementNode: parent, ancestors };
    }
    const reason = orderSafeStep(parent, child);
    if (reason) return { kind: 'none', reason: `the result is not kept in a variable, and moving the call out of its statement would change what runs first: ${reason}` };
    child = parent;
  }
  return { kind: 'none', reason: 'the call is not inside a statement' };
}

function statementReason(statement: Node, child: Node): string | null {
  switch (statement.type) {
    case 'ExpressionStatement':
    case 'ReturnStatement':
    case 'ThrowStatement':
    case 'ArrowFunctionExpression':
      return null;
    case 'VariableDeclaration':
      return statement.declarations[0] === child || statement.declarations.slice(0, statement.declarations.indexOf(child as t.VariableDeclarator)).every((d) => !d.init || isPure(d.init))
        ? null
        : 'it is declared after other variables of the same statement';
    case 'IfStatement':
      return statement.test === child ? null : 'unexpected position in an if statement';
    case 'SwitchStatement':
      return statement.discriminant === child ? null : 'unexpected position in a switch';
    default:
      return `the call sits in the head of a ${statement.type.replace(/Statement$/, '').toLowerCase()} statement, which may run it more than once`;
  }
}

/**
 * Moves the awaited call before its statement, as the init of `statements[0]` (`const completion = ...;`,
 * parsed together with what follows it so recast keeps them on separate lines); the statement reads the
 * variable instead.
 */
export function hoist(holder: Extract<Holder, { kind: 'hoist' }>, name: string, statements: t.Statement[]): boolean {
  const slot = statementSlot(holder.awaitNode, holder.ancestors);
  const declaration = statements[0];
  if (!slot || declaration?.type !== 'VariableDeclaration') return false;
  const extra = (holder.awaitNode as { extra?: { parenthesized?: boolean } }).extra;
  let parent = holder.parent;
  if (extra?.parenthesized) {
    // `(await x).choices`: a fresh copy of the parent prints without the parentheses around the new name.
    delete extra.parenthesized;
    const copy = { ...parent, loc: null, start: null, end: null, original: undefined } as unknown as Node;
    replaceChild(holder.ancestors[holder.ancestors.length - 2], parent, copy);
    parent = copy;
  }
  replaceChild(parent, holder.awaitNode, { type: 'Identifier', name } as t.Identifier);
  declaration.declarations[0].init = holder.awaitNode;
  slot.body.splice(slot.index, 0, ...statements);
  return true;
}

function replaceChild(parent: Node, from: Node, to: Node): void {
  const record = parent as unknown as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value === from) record[key] = to;
    else if (Array.isArray(value)) {
      const index = value.indexOf(from);
      if (index !== -1) value[index] = to;
    }
  }
}

/**
 * Root for a destructured result: an existing binding of the property when the pattern has one, else a new
 * one (`totalUsage`, or `response: response2` when the name is taken). `commit` returns the pattern with the
 * new bindings: written on one line like the app's own when it was on one line (recast would otherwise
 * spread a pattern it reprints over one line per property).
 */
export function patternRoot(
  pattern: t.ObjectPattern,
  edit: { text: string; pattern(code: string): t.ObjectPattern },
  fresh: (name: string) => string,
): { root: Root; commit(): t.ObjectPattern } {
  const added = new Map<string, string>();
  const existing = (prop: string): string | null => {
    for (const p of pattern.properties) {
      if (p.type !== 'ObjectProperty' || propertyKey(p) !== prop) continue;
      const value = p.value.type === 'AssignmentPattern' ? p.value.left : p.value;
      if (value.type === 'Identifier') return value.name;
    }
    return null;
  };
  const root: Root = (prop) => {
    const found = existing(prop) ?? added.get(prop);
    if (found) return found;
    const local = fresh(prop);
    added.set(prop, local);
    return local;
  };
  const commit = (): t.ObjectPattern => {
    if (added.size === 0) return pattern;
    const bindings = [...added].map(([prop, local]) => (prop === local ? prop : `${prop}: ${local}`));
    const original = pattern.start === null || pattern.start === undefined || pattern.typeAnnotation ? null : edit.text.slice(pattern.start, pattern.end ?? pattern.start);
    if (original && !original.includes('\n')) {
      const inner = original.replace(/^\{\s*/, '').replace(/,?\s*\}$/, '');
      return edit.pattern(`{ ${[...(inner ? [inner] : []), ...bindings].join(', ')} }`);
    }
    for (const [prop, local] of added) {
      const property = { type: 'ObjectProperty', key: { type: 'Identifier', name: prop }, value: { type: 'Identifier', name: local }, shorthand: prop === local, computed: false };
      pattern.properties.push(property as unknown as t.ObjectProperty);
    }
    return pattern;
  };
  return { root, commit };
}
