// Whether an awaited call can be moved out of the expression it sits in and evaluated first, without
// changing what runs before it: everything the expression evaluates before the call must be free of side
// effects (names, member reads, literals, function values), and the call must run unconditionally.
import type { Node } from '../../ast/walk.js';

/** An expression that can be evaluated earlier or later without anyone noticing (getters aside). */
export function isPure(node: Node | null | undefined): boolean {
  if (!node) return true;
  switch (node.type) {
    case 'Identifier':
    case 'ThisExpression':
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
    case 'BigIntLiteral':
    case 'RegExpLiteral':
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return true;
    case 'TemplateLiteral':
      return node.expressions.every((e) => isPure(e));
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return isPure(node.object) && (!node.computed || isPure(node.property));
    case 'TSAsExpression':
    case 'TSNonNullExpression':
    case 'TSSatisfiesExpression':
    case 'ParenthesizedExpression':
      return isPure(node.expression);
    case 'UnaryExpression':
      return node.operator !== 'delete' && isPure(node.argument);
    case 'ObjectExpression':
      return node.properties.every((p) =>
        p.type === 'SpreadElement' ? isPure(p.argument) : p.type === 'ObjectMethod' ? !p.computed || isPure(p.key) : (!p.computed || isPure(p.key)) && isPure(p.value),
      );
    case 'ArrayExpression':
      return node.elements.every((e) => e === null || isPure(e.type === 'SpreadElement' ? e.argument : e));
    case 'SpreadElement':
      return isPure(node.argument);
    case 'ObjectProperty':
      return (!node.computed || isPure(node.key)) && isPure(node.value);
    default:
      return false;
  }
}

const earlierPure = (list: ReadonlyArray<Node | null>, child: Node): boolean => list.slice(0, list.indexOf(child)).every((n) => isPure(n));

/**
 * One step up from `child` to `parent`: null when the child is still evaluated first and unconditionally,
 * else why moving it out would change the program.
 */
export function orderSafeStep(parent: Node, child: Node): string | null {
  switch (parent.type) {
    case 'TSAsExpression':
    case 'TSNonNullExpression':
    case 'TSSatisfiesExpression':
    case 'ParenthesizedExpression':
    case 'SpreadElement':
    case 'UnaryExpression':
    case 'AwaitExpression':
      return null;
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return parent.object === child || isPure(parent.object) ? null : 'a member read before it';
    case 'CallExpression':
    case 'NewExpression':
      if (parent.callee === child) return null;
      if (!isPure(parent.callee)) return 'the callee makes a call of its own first';
      return earlierPure(parent.arguments, child) ? null : 'an earlier argument has side effects';
    case 'OptionalCallExpression':
      return parent.callee === child ? null : 'an optional call may skip it';
    case 'ObjectExpression':
      return earlierPure(parent.properties, child) ? null : 'an earlier property has side effects';
    case 'ObjectProperty':
      return parent.value === child && (!parent.computed || isPure(parent.key)) ? null : 'a computed key';
    case 'ArrayExpression':
      return earlierPure(parent.elements, child) ? null : 'an earlier element has side effects';
    case 'TemplateLiteral':
      return earlierPure(parent.expressions, child) ? null : 'an earlier part of the template has side effects';
    case 'BinaryExpression':
      return parent.left === child || isPure(parent.left) ? null : 'the left operand is evaluated first';
    case 'LogicalExpression':
      return parent.left === child ? null : `it runs only when \`${parent.operator}\` lets it`;
    case 'ConditionalExpression':
      return parent.test === child ? null : 'it runs only in one branch of a conditional';
    case 'SequenceExpression':
      return earlierPure(parent.expressions, child) ? null : 'an earlier expression has side effects';
    case 'AssignmentExpression':
      return parent.right === child && isPure(parent.left) ? null : 'the assignment target is evaluated first';
    case 'VariableDeclarator':
      return parent.init === child ? null : 'unexpected position in a declaration';
    default:
      return `it sits inside a ${parent.type}`;
  }
}

