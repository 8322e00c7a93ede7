// Small readers over single nodes: dotted callee names, literal strings, object properties, functions.
import type * as t from '@babel/types';
import { walk, type Node } from './walk.js';

export type FunctionNode = t.FunctionDeclaration | t.FunctionExpression | t.ArrowFunctionExpression | t.ObjectMethod | t.ClassMethod;

export function isFunction(node: Node | null | undefined): node is FunctionNode {
  return (
    !!node &&
    (node.type === 'FunctionDeclaration' ||
      node.type === 'FunctionExpression' ||
      node.type === 'ArrowFunctionExpression' ||
      node.type === 'ObjectMethod' ||
      node.type === 'ClassMethod')
  );
}

/** Strips wrappers that do not change which value an expression is: await, parens, TS casts, `!`. */
export function unwrap(node: Node): Node {
  let n = node;
  for (;;) {
    if (n.type === 'AwaitExpression' && n.argument) n = n.argument;
    else if (n.type === 'ParenthesizedExpression') n = n.expression;
    else if (n.type === 'TSAsExpression' || n.type === 'TSSatisfiesExpression' || n.type === 'TSNonNullExpression') n = n.expression;
    else if (n.type === 'TSTypeAssertion') n = n.expression;
    else return n;
  }
}

/**
 * The dotted text of a member chain or identifier: `openai.chat.completions.create`,
 * `this.client.run`, `request.server.openai.images.generate`. Calls inside the chain read as `f()`.
 * Null for computed members with non-literal keys.
 */
export function dottedName(node: Node): string | null {
  const n = unwrap(node);
  switch (n.type) {
    case 'Identifier':
      return n.name;
    case 'ThisExpression':
      return 'this';
    case 'Super':
      return 'super';
    case 'MemberExpression':
    case 'OptionalMemberExpression': {
      const object = dottedName(n.object);
      if (object === null) return null;
      const key = n.computed ? stringValue(n.property) : n.property.type === 'Identifier' ? n.property.name : null;
      return key === null ? null : `${object}.${key}`;
    }
    case 'CallExpression':
    case 'OptionalCallExpression': {
      const callee = dottedName(n.callee);
      return callee === null ? null : `${callee}()`;
    }
    case 'NewExpression': {
      const callee = dottedName(n.callee);
      return callee === null ? null : `new ${callee}()`;
    }
    default:
      return null;
  }
}

/** The value of a string literal or an expression-free template literal, else null. */
export function stringValue(node: Node | null | undefined): string | null {
  if (!node) return null;
  if (node.type === 'StringLiteral') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis.map((q) => q.value.cooked ?? '').join('');
  return null;
}

/** The name of an object property's key when it is static (`a`, `'a'`, `['a']`). */
export function propertyKey(prop: Node): string | null {
  if (prop.type !== 'ObjectProperty' && prop.type !== 'ObjectMethod' && prop.type !== 'ClassMethod' && prop.type !== 'ClassProperty') return null;
  const key = prop.key;
  if (!prop.computed && key.type === 'Identifier') return key.name;
  return stringValue(key);
}

/** The property of an object literal by static key (last one wins, as in JS), or null. */
export function getProperty(object: Node | null | undefined, name: string): t.ObjectProperty | t.ObjectMethod | null {
  if (!object || object.type !== 'ObjectExpression') return null;
  let found: t.ObjectProperty | t.ObjectMethod | null = null;
  for (const prop of object.properties) {
    if ((prop.type === 'ObjectProperty' || prop.type === 'ObjectMethod') && propertyKey(prop) === name) found = prop;
  }
  return found;
}

/** The value expression of `name` in an object literal (ObjectMethod counts as its own value). */
export function getPropertyValue(object: Node | null | undefined, name: string): Node | null {
  const prop = getProperty(object, name);
  if (!prop) return null;
  return prop.type === 'ObjectMethod' ? prop : (prop.value as Node);
}

/**
 * 1-based line of a node, or 0 when the node was built rather than parsed. recast drops the location of a
 * declaration an export holds (`export async function POST`), so that one has its first located part's line
 * (its name, on the line it starts on).
 */
export function lineOf(node: Node): number {
  if (node.loc) return node.loc.start.line;
  let line = 0;
  walk(node, (n) => {
    if (line) return 'skip';
    if (n.loc) line = n.loc.start.line;
  });
  return line;
}

/** The statement in `ancestors` (or the node itself) that sits directly in a block or program body. */
export function enclosingStatement(node: Node, ancestors: readonly Node[]): { statement: t.Statement; body: t.Statement[]; index: number } | null {
  const chain = [...ancestors, node];
  for (let i = chain.length - 1; i > 0; i--) {
    const parent = chain[i - 1];
    const body = parent.type === 'BlockStatement' || parent.type === 'Program' ? parent.body : parent.type === 'SwitchCase' ? parent.consequent : null;
    if (body) {
      const index = body.indexOf(chain[i] as t.Statement);
      if (index !== -1) return { statement: body[index], body, index };
    }
  }
  return null;
}

/** The innermost function among the ancestors (the node itself excluded). */
export function enclosingFunction(ancestors: readonly Node[]): FunctionNode | null {
  for (let i = ancestors.length - 1; i >= 0; i--) if (isFunction(ancestors[i])) return ancestors[i] as FunctionNode;
  return null;
}

/** Names a function is known by: its own id, or the variable / property / export it is assigned to. */
export function functionName(fn: Node, ancestors: readonly Node[]): string | null {
  if ((fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression') && fn.id) return fn.id.name;
  if (fn.type === 'ObjectMethod' || fn.type === 'ClassMethod') return propertyKey(fn);
  const parent = ancestors[ancestors.length - 1];
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if (parent?.type === 'ObjectProperty') return propertyKey(parent);
  if (parent?.type === 'AssignmentExpression') return dottedName(parent.left);
  if (parent?.type === 'ClassProperty') return propertyKey(parent);
  return null;
}
