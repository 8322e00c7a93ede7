// `customers.signup` in billing.config.json: the signup handler named by hand, for apps detection cannot
// read. It replaces detection; a name that does not resolve is a manual step naming the field.
import { posix } from 'node:path';
import { findExportedFunction, findLocalFunction } from '../../ast/exports.js';
import { functionName, isFunction, type FunctionNode } from '../../ast/nodes.js';
import { walk, type Node } from '../../ast/walk.js';
import { findUserCreations, describeUserCreation } from '../../detect/user-creation.js';
import type { HandlerKind } from '../../detect/types.js';
import { describeRoute } from '../../frameworks/types.js';
import type { ManualStep } from '../../plan/types.js';
import type { AreaContext } from '../types.js';
import type { FileTarget } from './targets.js';

export function configuredTargets(ctx: AreaContext): { targets: FileTarget[]; manual: ManualStep[] } {
  const signup = ctx.config.customers.signup;
  if (!signup) return { targets: [], manual: [] };
  const { info } = ctx.pkg;
  const file = posix.normalize(posix.join(info.path, signup.file));
  const problem = (message: string, line?: number): { targets: FileTarget[]; manual: ManualStep[] } => ({
    targets: [],
    manual: [{ path: file, ...(line ? { line } : {}), message: `billing.config.json customers.signup: ${message}` }],
  });
  if (!ctx.project.sources.has(file)) return problem(`file "${signup.file}" is not a source file of this app (paths are relative to ${info.path === '.' ? 'the app folder' : info.path})`);
  const ast = ctx.pkg.ctx.parse(file);
  if (!ast) return problem(`${signup.file} does not parse: ${ctx.pkg.ctx.unparsed.get(file) ?? 'syntax error'}`);
  const routes = ctx.pkg.routes().filter((r) => r.fn && (r.ref?.file ?? r.file) === file);

  if (signup.handler) {
    const found = findExportedFunction(ast, signup.handler) ?? findLocalFunction(ast, signup.handler);
    if (!found) return problem(`handler "${signup.handler}" is not a function declared or exported in ${signup.file}`);
    const route = routes.find((r) => r.fn === found.fn);
    return { targets: [target(file, found.fn, route ? route.kind : 'function', route ? describeRoute(route) : `${signup.handler}, named in customers.signup`)], manual: [] };
  }
  const creating = routes.filter((r) => findUserCreations(r.fn as FunctionNode).length > 0);
  if (creating.length) return { targets: creating.map((r) => target(file, r.fn as FunctionNode, r.kind, describeRoute(r))), manual: [] };
  const fn = namedFunctionCreatingUser(ast.program);
  if (fn) return { targets: [target(file, fn.fn, 'function', `${fn.name}, named in customers.signup`)], manual: [] };
  return problem(`no function in ${signup.file} creates a user that this tool recognises; name it with customers.signup.handler`, 1);
}

function target(file: string, fn: FunctionNode, handler: HandlerKind | 'function', label: string): FileTarget {
  return { file, target: { kind: 'handler', start: fn.start ?? 0, handler, label } };
}

/** The innermost named function around the first user-creating call of the file. */
function namedFunctionCreatingUser(program: Node): { fn: FunctionNode; name: string } | null {
  let found: { fn: FunctionNode; name: string } | null = null;
  walk(program, (node, ancestors) => {
    if (found || !describeUserCreation(node)) return;
    for (let i = ancestors.length - 1; i >= 0; i--) {
      const a = ancestors[i];
      const name = isFunction(a) ? functionName(a, ancestors.slice(0, i)) : null;
      if (name) {
        found = { fn: a as FunctionNode, name };
        return;
      }
    }
  });
  return found;
}
