// A billable call made with plain HTTP (`fetch`, axios): the usage is in the response's JSON body, which has
// the shape the provider's SDK would return. The event goes right after the statement that reads the body
// (`const data = await response.json()`, or axios's `response.data`), every step read with `?.` since the
// body is untyped and an error answer lacks the fields.
import type * as t from '@babel/types';
import { statementSlot } from '../../ast/edit.js';
import { dottedName, isFunction, unwrap } from '../../ast/nodes.js';
import { walk, type Node } from '../../ast/walk.js';
import { readingFor } from './event-data.js';
import type { FileEdit } from './file-edit.js';
import { ancestorsOf, noUserReason } from './meter-result.js';
import { findHolder } from './result-holder.js';
import { leaveToPerson, nextStatement, sendAfter, sendsUsage, trackCallFor, type SiteTask } from './site-task.js';

export function meterHttpBody(edit: FileEdit, task: SiteTask): void {
  const { site } = task;
  const holder = findHolder(site.call, site.ancestors);
  if (holder.kind !== 'variable' || !holder.awaited) return leaveToPerson(edit, task, 'the response is not kept in a variable, so its JSON body (which reports the usage) cannot be read after it');
  const axios = !/(^|\.)fetch$/.test(dottedName(site.call.callee) ?? '');
  const body = axios ? { name: `${holder.name}.data`, statement: holder.statement, ancestors: ancestorsOf(site.ancestors, holder.statement) } : jsonRead(site.fn, holder.name, site.call.end ?? 0);
  if (!body) return leaveToPerson(edit, task, `the JSON body of \`${holder.name}\` is not read in this function (\`await ${holder.name}.json()\`), so the usage it reports is not at hand; send the event where it is read`);
  const slot = statementSlot(body.statement, body.ancestors);
  if (!slot) return leaveToPerson(edit, task, 'no statement to put the event after');
  if (sendsUsage(nextStatement(slot))) return;
  if (!task.user) return leaveToPerson(edit, task, noUserReason(task));
  const { call, missing } = trackCallFor(task, readingFor(site.match, edit.majors), (prop) => `${body.name}?.${prop}`, task.user.expression);
  const safe = { ...call, data: call.data.map(([key, value]): [string, string] => [key, optionalSteps(value)]), subject: call.subject ? optionalSteps(call.subject) : null };
  sendAfter(edit, task, slot, safe, missing, edit.sendStyle(site, site.fn));
}

/** `const data = await response.json()` after `after`, in the function itself (not in callbacks). */
function jsonRead(fn: Node | null, response: string, after: number): { name: string; statement: Node; ancestors: Node[] } | null {
  if (!fn || !isFunction(fn)) return null;
  let found: { name: string; statement: Node; ancestors: Node[] } | null = null;
  walk(fn.body, (node, ancestors) => {
    if (found || (node !== fn.body && isFunction(node))) return 'skip';
    if (node.type !== 'VariableDeclarator' || node.id.type !== 'Identifier' || !node.init || (node.start ?? 0) < after) return;
    const init = unwrap(node.init as Node);
    if (init.type === 'CallExpression' && dottedName(init.callee) === `${response}.json`) {
      const declaration = ancestors[ancestors.length - 1] as t.VariableDeclaration;
      found = { name: node.id.name, statement: declaration, ancestors: [fn, ...ancestors.slice(0, -1)] };
    }
  });
  return found;
}

/** `data.usage.total_tokens` → `data?.usage?.total_tokens`: an untyped body may lack any step. */
function optionalSteps(expression: string): string {
  return expression.replace(/([\w$\])])(\??)\.(?=[A-Za-z_$])/g, '$1?.');
}
