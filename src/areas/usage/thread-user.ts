// Helpers that cannot see the signed-in user get it from their callers: a new last parameter named so the
// signed-in user search recognises it (`userId`), and each request handler that calls the helper passes
// its user, as the app writes it (`summarize(text, style, req.user.id)`).
import type * as t from '@babel/types';
import type { FunctionNode } from '../../ast/nodes.js';
import { expressionFrom, nodeText, replaceChild, withArguments } from '../../ast/object-text.js';
import type { UserRef } from '../../analysis/signed-in-user.js';
import type { FileEdit } from './file-edit.js';
import { USER_PARAM_NAMES, type HelperPlan } from './helper-plan.js';
import { leaveToPerson, type SiteTask } from './site-task.js';

const added = new WeakMap<FunctionNode, UserRef>();

/** The helper's user parameter, added the first time one of its sites asks. */
export function userParameter(edit: FileEdit, fn: FunctionNode): UserRef | null {
  const known = added.get(fn);
  if (known) return known;
  // A name the file does not use at all (each helper may take the same one).
  const name = USER_PARAM_NAMES.find((n) => !new RegExp(`\\b${n}\\b`).test(edit.text));
  if (!name) return null;
  edit.reserve(name);
  const typed = /\.[cm]?tsx?$/.test(edit.path) ? `${name}?: string | number | null` : name;
  const [param] = (edit.expression(`(${typed}) => {}`) as t.ArrowFunctionExpression).params;
  fn.params.push(param);
  edit.changed = true;
  const ref = { expression: name, source: `parameter ${name}, passed by the request handlers that call it` };
  added.set(fn, ref);
  return ref;
}

/** A call of a helper that takes the user: pass the caller's user as its last argument. */
export function passUser(edit: FileEdit, task: SiteTask, helper: HelperPlan): void {
  const args = task.site.call.arguments;
  const name = `${helper.localName ?? 'the helper'}()`;
  if (args.some((a) => a.type === 'SpreadElement')) return leaveToPerson(edit, task, `${name} is called with spread arguments, so where its user parameter goes is unclear`);
  if (args.length > helper.params) return;
  if (!task.user) return leaveToPerson(edit, task, `no signed-in user in scope to pass to ${name}, which sends the usage event`);
  const added = [...Array(helper.params - args.length).fill('undefined'), task.user.expression];
  edit.changed = true;
  // Spliced into the call's own text, so recast keeps its layout (a call over several lines stays so).
  const call = task.site.call;
  const text = call.start === null || call.start === undefined ? null : withArguments(nodeText(edit.text, call), added);
  const parent = task.site.ancestors[task.site.ancestors.length - 1];
  if (text !== null && parent && replaceChild(parent, call, expressionFrom(edit.api.jscodeshift, text))) return;
  for (const code of added) args.push(edit.expression(code));
}
