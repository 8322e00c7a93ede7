// The customer a gate checks: the signed-in user's id as the signed-in user search found it, written so
// the app's type-check accepts it.
import type { FunctionNode } from '../../ast/nodes.js';

/**
 * The user's id as the gate writes it. An expression the app itself writes is reused as is. One the tool
 * put together (`session.user.id` after `getServerSession()`) reads through `?.` wherever the app's types
 * may call a step optional — next-auth's `session.user` is — except past the request (always there) and past
 * a session the handler has already checked (`if (!session) return ...`). The billing module takes a
 * missing id as "no customer" and refuses, so `?.` never lets a request through.
 */
export function customerExpression(expression: string, text: string, fn: FunctionNode, before: number): string {
  if (text.includes(expression) || !/^[\w$]+(\.[\w$]+)+$/.test(expression)) return expression;
  const parts = expression.split('.');
  const root = parts[0];
  const isParam = fn.params.some((p) => p.type === 'Identifier' && p.name === root);
  const keep = isParam || checkedBefore(fn, root, text, before) ? 2 : 1;
  return parts.slice(0, keep).join('.') + parts.slice(keep).map((p) => `?.${p}`).join('');
}

/** Whether the handler leaves early when `name` is missing (`if (!session) return ...`) before `offset`. */
function checkedBefore(fn: FunctionNode, name: string, text: string, offset: number): boolean {
  if (fn.body.type !== 'BlockStatement') return false;
  const test = new RegExp(`^!\\s*${name.replace(/\$/g, '\\$')}\\b|^${name.replace(/\$/g, '\\$')}\\s*==+\\s*(null|undefined)\\b`);
  return fn.body.body.some((stmt) => {
    if (stmt.type !== 'IfStatement' || (stmt.end ?? Infinity) > offset) return false;
    const exits = stmt.consequent.type === 'ReturnStatement' || stmt.consequent.type === 'ThrowStatement' || (stmt.consequent.type === 'BlockStatement' && stmt.consequent.body.some((s) => s.type === 'ReturnStatement' || s.type === 'ThrowStatement'));
    return exits && test.test(text.slice(stmt.test.start ?? 0, stmt.test.end ?? 0));
  });
}
