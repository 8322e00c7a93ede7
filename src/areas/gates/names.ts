// A local name for the gate's result that is free where the gate goes: not declared in the handler, nor
// in any scope around it (module-level imports included), so it neither clashes nor shadows. Two handlers
// of one file may both use `balance`; they are separate scopes.
import type * as t from '@babel/types';
import { isFunction } from '../../ast/nodes.js';
import { walk, type Node } from '../../ast/walk.js';

export function freeNameIn(base: string, fn: Node, fnAncestors: readonly Node[], alsoTaken: Iterable<string> = []): string {
  const taken = new Set<string>(alsoTaken);
  declaredIn(fn, true, taken);
  for (const scope of fnAncestors) if (scope.type === 'Program' || isFunction(scope)) declaredIn(scope, false, taken);
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
  return name;
}

/** Names bound in `root`: everywhere under it (`deep`), or in its own scope only (nested functions skipped). */
function declaredIn(root: Node, deep: boolean, out: Set<string>): void {
  walk(root, (node) => {
    if (node !== root && isFunction(node)) {
      if (node.type === 'FunctionDeclaration' && node.id) out.add(node.id.name);
      if (!deep) return 'skip';
    }
    if (node.type === 'VariableDeclarator') bindings(node.id, out);
    else if (node.type === 'ImportSpecifier' || node.type === 'ImportDefaultSpecifier' || node.type === 'ImportNamespaceSpecifier') out.add(node.local.name);
    else if ((node.type === 'ClassDeclaration' || node.type === 'FunctionDeclaration') && node.id) out.add(node.id.name);
    else if (node.type === 'CatchClause') bindings(node.param, out);
    if (isFunction(node)) for (const p of node.params) bindings(p, out);
  });
}

function bindings(pattern: t.Node | null | undefined, out: Set<string>): void {
  if (!pattern) return;
  if (pattern.type === 'Identifier') out.add(pattern.name);
  else if (pattern.type === 'ObjectPattern') pattern.properties.forEach((p) => bindings(p.type === 'RestElement' ? p.argument : p.value, out));
  else if (pattern.type === 'ArrayPattern') pattern.elements.forEach((e) => bindings(e, out));
  else if (pattern.type === 'RestElement') bindings(pattern.argument, out);
  else if (pattern.type === 'AssignmentPattern') bindings(pattern.left, out);
  else if (pattern.type === 'TSParameterProperty') bindings(pattern.parameter, out);
}
