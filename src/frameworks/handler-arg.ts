// Turns the handler argument of a route declaration into the function that runs: written inline, wrapped
// (`asyncHandler(async (req, res) => ...)`), declared elsewhere in the file, or imported by name.
import type * as t from '@babel/types';
import { findLocalFunction, functionIn } from '../ast/exports.js';
import type { ImportBinding } from '../ast/imports.js';
import { dottedName, type FunctionNode } from '../ast/nodes.js';
import type { Node } from '../ast/walk.js';
import type { HandlerRef } from './types.js';

export interface ResolvedHandler {
  fn: FunctionNode | null;
  fnAncestors: Node[];
  ref?: HandlerRef;
}

export interface FileScope {
  file: string;
  ast: t.File;
  imports: ImportBinding[];
  resolve(from: string, specifier: string): string | null;
}

export function resolveHandlerArg(arg: Node, argAncestors: Node[], scope: FileScope): ResolvedHandler | null {
  const inline = functionIn(arg, argAncestors);
  if (inline) return { fn: inline.fn, fnAncestors: inline.ancestors };
  // `asyncHandler(register)`: a wrapper around a named handler.
  if (arg.type === 'CallExpression' && arg.arguments.length > 0) {
    const last = arg.arguments[arg.arguments.length - 1] as Node;
    if (last.type === 'Identifier' || last.type === 'MemberExpression') return resolveHandlerArg(last, [...argAncestors, arg], scope);
  }
  if (arg.type === 'Identifier') {
    const local = findLocalFunction(scope.ast, arg.name);
    if (local) return { fn: local.fn, fnAncestors: local.ancestors };
    const imp = scope.imports.find((i) => i.local === arg.name && !i.typeOnly);
    const file = imp ? scope.resolve(scope.file, imp.source) : null;
    if (imp && file) return { fn: null, fnAncestors: [], ref: { file, exportName: imp.imported === '*' ? 'default' : imp.imported } };
    return null;
  }
  if (arg.type === 'MemberExpression' && !arg.computed && arg.property.type === 'Identifier') {
    // authController.register, where authController is an imported module (namespace, default or require).
    const object = dottedName(arg.object);
    const imp = object ? scope.imports.find((i) => i.local === object && !i.typeOnly) : undefined;
    const file = imp ? scope.resolve(scope.file, imp.source) : null;
    if (imp && file && (imp.imported === '*' || imp.imported === 'default')) return { fn: null, fnAncestors: [], ref: { file, exportName: arg.property.name } };
    // `UserController.create`, where UserController is a class imported by name: its static method.
    if (imp && file) return { fn: null, fnAncestors: [], ref: { file, exportName: `${imp.imported}.${arg.property.name}` } };
  }
  return null;
}

/** Names of middleware arguments (`requireAuth`, `auth.required`), for guards such as admin checks. */
export function middlewareNames(args: Node[]): string[] {
  return args.map((a) => dottedName(a.type === 'CallExpression' ? a.callee : a) ?? '').filter(Boolean);
}
