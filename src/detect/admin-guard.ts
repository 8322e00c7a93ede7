// Admin-only handlers guard themselves in their first lines: `await requireAdmin()`, or
// `if (user.role !== 'admin') return 403`. User creation behind such a guard is not a signup.
import type * as t from '@babel/types';
import { dottedName, isFunction, stringValue, unwrap, type FunctionNode } from '../ast/nodes.js';
import { walk, type Node } from '../ast/walk.js';

/** Calls that refuse anyone but an admin: requireAdmin(), assertAdmin(session), ensureSuperAdmin(). */
const GUARD_CALL = /^(require|assert|ensure|check|verify|only)_?(super_?)?admin/i;
const ADMIN_WORD = /admin|superuser|staff/i;

/** The admin guard at the top level of a handler's body, described, or null. */
export function adminGuardIn(fn: FunctionNode): string | null {
  if (fn.body.type !== 'BlockStatement') return null;
  for (const stmt of fn.body.body) {
    const call = guardCallOf(stmt);
    if (call) return `${call}()`;
    if (stmt.type === 'IfStatement' && exits(stmt.consequent) && mentionsAdmin(stmt.test)) return 'an admin check';
  }
  return null;
}

/** `await requireAdmin()` as a statement, or `const admin = await requireAdmin()`. */
function guardCallOf(stmt: t.Statement): string | null {
  const exprs =
    stmt.type === 'ExpressionStatement' ? [stmt.expression] : stmt.type === 'VariableDeclaration' ? stmt.declarations.map((d) => d.init) : [];
  for (const expr of exprs) {
    const call = expr ? unwrap(expr) : null;
    if (call?.type !== 'CallExpression') continue;
    const name = dottedName(call.callee)?.split('.').pop() ?? '';
    if (GUARD_CALL.test(name)) return name;
  }
  return null;
}

/** A branch that leaves the handler: return (a 403) or throw. */
function exits(stmt: t.Statement): boolean {
  if (stmt.type === 'ReturnStatement' || stmt.type === 'ThrowStatement') return true;
  return stmt.type === 'BlockStatement' && stmt.body.some(exits);
}

/** A test that reads an admin flag, role or email: `!user.isAdmin`, `role !== 'admin'`, `!isAdmin(user)`. */
function mentionsAdmin(test: Node): boolean {
  let found = false;
  walk(test, (node) => {
    if (found || isFunction(node)) return 'skip';
    if (node.type === 'Identifier' && ADMIN_WORD.test(node.name)) found = true;
    else if (node.type === 'StringLiteral' && ADMIN_WORD.test(stringValue(node) ?? '')) found = true;
  });
  return found;
}
