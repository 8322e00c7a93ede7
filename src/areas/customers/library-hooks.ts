// Auth libraries that create users themselves: next-auth / Auth.js `events.createUser` and better-auth
// `databaseHooks.user.create.after`. The hook is added where the config lacks it (only the missing keys),
// and an existing hook keeps its body, with the call added at its end.
import type * as t from '@babel/types';
import { getProperty, isFunction, lineOf, type FunctionNode } from '../../ast/nodes.js';
import type { Node } from '../../ast/walk.js';
import { applyStyle } from '../../ast/style.js';
import { indentLines } from '../../ast/style.js';
import { customerCall } from './customer-call.js';
import type { CustomerFields } from './created-user.js';
import { expressionFrom, nodeText, replaceChild, statementsFrom, withProperty } from '../../ast/object-text.js';
import { callsEnsureCustomer, reportMarkersWithin, stopAt, type Located } from './site.js';
import type { FileEdit, SignupTarget } from './types.js';

type HookTarget = Extract<SignupTarget, { kind: 'next-auth' | 'better-auth' }>;

interface HookShape {
  /** Keys from the config object down to the hook (`events`, `createUser`). */
  path: string[];
  /** The customer's fields from the user the hook receives, as the library types it. */
  fields(user: string): CustomerFields;
  /** The hook written fresh around `call`, innermost key included. */
  member(call: string): string;
  /** How the hook's parameter reaches the user (`{ user }` → `user`; `message` → `message.user`). */
  userFrom(param: Node | undefined): string | null;
  /** A parameter to add to a hook written without one. */
  param: string;
}

const USER_FIELDS = (user: string): CustomerFields => ({ externalId: `${user}.id`, email: `${user}.email`, name: `${user}.name` });

const SHAPES: Record<HookTarget['kind'], HookShape> = {
  'next-auth': {
    path: ['events', 'createUser'],
    fields: USER_FIELDS,
    member: (call) => `async createUser({ user }) {\n  ${call}\n}`,
    userFrom: (param) => {
      if (param?.type === 'Identifier') return `${param.name}.user`;
      if (param?.type !== 'ObjectPattern') return null;
      const prop = param.properties.find((p) => p.type === 'ObjectProperty' && p.key.type === 'Identifier' && p.key.name === 'user') as t.ObjectProperty | undefined;
      return prop?.value.type === 'Identifier' ? prop.value.name : null;
    },
    param: '{ user }',
  },
  'better-auth': {
    path: ['databaseHooks', 'user', 'create', 'after'],
    fields: USER_FIELDS,
    member: (call) => `after: async (user) => {\n  ${call}\n}`,
    userFrom: (param) => (param?.type === 'Identifier' ? param.name : null),
    param: 'user',
  },
};

export function addToLibraryHook(edit: FileEdit, target: HookTarget, found: Located<t.ObjectExpression>): void {
  const shape = SHAPES[target.kind];
  let object: t.ObjectExpression = found.node;
  let parent: Node = found.ancestors[found.ancestors.length - 1];
  for (let depth = 0; depth < shape.path.length; depth++) {
    const key = shape.path[depth];
    const prop = getProperty(object, key);
    if (!prop) return addMissing(edit, target, shape, object, parent, shape.path.slice(depth));
    const value: Node = prop.type === 'ObjectMethod' ? prop : prop.value;
    if (depth === shape.path.length - 1) {
      if (isFunction(value)) return extendHook(edit, target, shape, value);
      break;
    }
    if (value.type !== 'ObjectExpression') break;
    parent = prop;
    object = value;
  }
  stopAt(edit, {
    statement: null,
    line: lineOf(object),
    reason: `${target.label}: ${shape.path.join('.')} is not written as an object literal here`,
    message: `${target.label}: create the billing customer in ${shape.path.join('.')}`,
    snippet: shape.member(callFor(edit, shape, 'user', 'billing')),
  });
}

function callFor(edit: FileEdit, shape: HookShape, user: string, billing: string): string {
  return customerCall(billing, shape.fields(user), 'await');
}

/** Adds the missing keys, innermost the hook, as one member of the deepest object that exists. */
function addMissing(edit: FileEdit, target: HookTarget, shape: HookShape, object: t.ObjectExpression, parent: Node, missing: string[]): void {
  let member = shape.member(callFor(edit, shape, 'user', edit.billing()));
  for (const key of missing.slice(0, -1).reverse()) member = `${key}: {\n${indentLines(member)},\n}`;
  const text = withProperty(nodeText(edit.source, object), member, edit.style);
  if (text === null || !replaceChild(parent, object, expressionFrom(edit.j, text))) {
    return stopAt(edit, { statement: null, line: lineOf(object), reason: `${target.label}: the config object could not be edited`, message: `${target.label}: add the hook by hand`, snippet: member });
  }
  edit.changed = true;
  edit.reporter.note(`Customer creation added as ${target.label} (${edit.path}:${lineOf(object)}): it runs for every user the library creates, OAuth sign-ins included.`);
}

/** An existing hook keeps its body; the call goes at its end. */
function extendHook(edit: FileEdit, target: HookTarget, shape: HookShape, hook: FunctionNode): void {
  if (callsEnsureCustomer(hook)) return reportMarkersWithin(edit, hook);
  let user = shape.userFrom(hook.params[0]);
  if (!user && hook.params.length === 0) {
    const fn = expressionFrom(edit.j, `(${shape.param}) => {}`) as t.ArrowFunctionExpression;
    hook.params.push(fn.params[0]);
    user = shape.userFrom(fn.params[0]);
  }
  if (!user || hook.body.type !== 'BlockStatement') {
    return stopAt(edit, {
      statement: null,
      line: lineOf(hook),
      reason: `${target.label}: the existing ${shape.path.join('.')} does not name the new user`,
      message: `${target.label}: create the billing customer in ${shape.path.join('.')}`,
      snippet: callFor(edit, shape, 'user', 'billing'),
    });
  }
  hook.async = true;
  const code = applyStyle(callFor(edit, shape, user, edit.billing()), edit.style);
  hook.body.body.push(...statementsFrom(edit.j, code));
  edit.changed = true;
  edit.reporter.note(`Customer creation added at the end of the existing ${target.label} (${edit.path}:${lineOf(hook)}): it runs for every user the library creates, OAuth sign-ins included.`);
}
