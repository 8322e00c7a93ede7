// A signup route that creates the user through a service (`await UserService.save(user)`) whose result has
// no id of the new user (a response wrapper, void): the id is where the service creates the row, so the
// customer is created there instead. Decided by the checker's view of the service's result; untyped code
// keeps the route as the place (the route's own reads of the result are the evidence there).
import { findExportedFunction, findLocalFunction, type FoundFunction } from '../../ast/exports.js';
import { collectImports } from '../../ast/imports.js';
import { dottedName, unwrap } from '../../ast/nodes.js';
import type { Node } from '../../ast/walk.js';
import { typeFactsFor } from '../../analysis/type-facts.js';
import type { PackageContext } from '../../detect/package-context.js';
import { findUserCreations, type UserCreation } from '../../detect/user-creation.js';
import type { FileTarget } from './targets.js';

const ID_KEYS = ['id', '_id', 'userId', 'uid'];

export function serviceTarget(ctx: PackageContext, file: string, creation: UserCreation, routeLabel: string): FileTarget | null {
  const call = unwrap(creation.node);
  if (call.type !== 'CallExpression') return null;
  if (!resultLacksId(ctx, file, creation)) return null;
  const service = resolveCallee(ctx, file, call.callee);
  if (!service || service.fn.start === null || service.fn.start === undefined) return null;
  // The service must create the row itself (an ORM call, raw SQL), not hand it on to yet another service.
  const inner = findUserCreations(service.fn, service.ancestors).find((c) => !c.description.endsWith('()'));
  if (!inner) return null;
  const name = service.localName ?? dottedName(call.callee) ?? 'the service';
  return { file: service.file, target: { kind: 'handler', start: service.fn.start, handler: 'function', label: `${name} (where ${routeLabel} creates the user)` } };
}

/** Whether the checker says the awaited result of the creation has no id at any of the usual places. */
function resultLacksId(ctx: PackageContext, file: string, creation: UserCreation): boolean {
  const facts = typeFactsFor(ctx.typeProgram(), file);
  const parent = creation.ancestors[creation.ancestors.length - 1];
  const value = parent?.type === 'AwaitExpression' ? parent : creation.node;
  if (!facts || value.start === null || value.start === undefined || value.end === null || value.end === undefined) return false;
  const paths = [...ID_KEYS.map((k) => [k]), ...ID_KEYS.map((k) => ['user', k])];
  const answers = paths.map((p) => facts.pathFrom(value.start as number, value.end as number, p));
  // An id found, an untyped result, or one the checker cannot place: no evidence the id is missing.
  return answers.every((a) => a !== null && !a.ok);
}

/** The project function a callee names: local, imported (through barrels), or a static method of an imported class. */
function resolveCallee(ctx: PackageContext, file: string, callee: Node): (FoundFunction & { file: string }) | null {
  const ast = ctx.parse(file);
  if (!ast) return null;
  const parts = (dottedName(callee) ?? '').split('.');
  if (parts.length === 1 && parts[0]) {
    const local = findLocalFunction(ast, parts[0]);
    if (local) return { ...local, file };
  }
  if (parts.length > 2 || !parts[0]) return null;
  const imp = collectImports(ast).find((i) => i.local === parts[0] && !i.typeOnly);
  const target = imp ? ctx.resolve(file, imp.source) : null;
  if (!imp || !target) return null;
  const whole = imp.imported === '*' || imp.imported === 'default';
  const name = parts[1] ? (whole ? parts[1] : `${imp.imported}.${parts[1]}`) : imp.imported === '*' ? 'default' : imp.imported;
  const origin = ctx.origin(target, name);
  const targetAst = ctx.parse(origin.file);
  const found = targetAst ? findExportedFunction(targetAst, origin.name) : null;
  return found ? { ...found, file: origin.file } : null;
}
