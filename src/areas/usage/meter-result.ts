// A billable call whose awaited result carries the usage (every non-streaming call): the event goes right
// after the statement that keeps the result, reading the fields from it.
import { statementSlot } from '../../ast/edit.js';
import type { Node } from '../../ast/walk.js';
import type { CallMatch } from '../../detect/billable-calls.js';
import { readingFor, type Root } from './event-data.js';
import type { FileEdit } from './file-edit.js';
import { findHolder, hoist, patternRoot } from './result-holder.js';
import { leaveToPerson, markMissing, nextStatement, sendAfter, sendsUsage, trackCallFor, type SiteTask } from './site-task.js';

export function meterResult(edit: FileEdit, task: SiteTask): void {
  const { site } = task;
  const holder = findHolder(site.call, site.ancestors);
  if (holder.kind === 'none') return leaveToPerson(edit, task, holder.reason);
  if (holder.kind === 'variable' && !holder.awaited) return leaveToPerson(edit, task, `\`${holder.name}\` holds the call's promise, not its result`);
  if (holder.kind !== 'hoist') {
    const slot = statementSlot(holder.statement, ancestorsOf(site.ancestors, holder.statement));
    if (!slot) return leaveToPerson(edit, task, 'no statement to put the event after');
    if (sendsUsage(nextStatement(slot))) return;
  }
  if (!task.user) return leaveToPerson(edit, task, noUserReason(task));

  const reading = readingFor(site.match, edit.majors);
  const fresh = (n: string) => edit.fresh(n, site.ancestors);
  const pattern = holder.kind === 'pattern' ? patternRoot(holder.pattern, edit, fresh) : null;
  const name = holder.kind === 'variable' ? holder.name : holder.kind === 'hoist' ? fresh(resultName(site.match)) : null;
  const root: Root = pattern ? pattern.root : (prop) => `${name}.${prop}`;
  const { call, missing } = trackCallFor(task, reading, root, task.user.expression);

  const style = edit.sendStyle(site, site.fn);
  if (holder.kind === 'hoist') {
    const statements = edit.statements(`const ${name} = undefined;\n${edit.trackStatement(call, style)}`);
    if (!hoist(holder, name as string, statements)) return leaveToPerson(edit, task, 'no statement to put the event after');
    edit.changed = true;
    if (missing.length) markMissing(edit, task, statements[1], missing);
    return;
  }
  const slot = statementSlot(holder.statement, ancestorsOf(site.ancestors, holder.statement));
  if (!slot) return leaveToPerson(edit, task, 'no statement to put the event after');
  if (pattern && holder.kind === 'pattern') holder.declarator.id = pattern.commit();
  sendAfter(edit, task, slot, call, missing, style);
}

/** The ancestors of `node`, cut from the ancestors of something inside it. */
export function ancestorsOf(ancestors: readonly Node[], node: Node): Node[] {
  const index = ancestors.indexOf(node);
  return ancestors.slice(0, index === -1 ? ancestors.length : index);
}

export function noUserReason(task: SiteTask): string {
  if (task.site.handler) return task.noUser ?? `no signed-in user in scope in ${task.site.handler.route ?? 'its request handler'}`;
  if (task.site.helperName) return task.noUser ?? `no signed-in user in scope in ${task.site.helperName}() (it takes no user id, and no request handler that calls it has a signed-in user to pass it)`;
  return 'no signed-in user in scope outside any request handler';
}

/** The name for a hoisted result, after what the call returns. */
function resultName(match: CallMatch): string {
  const call = match.call;
  if (/chat|completion/i.test(call)) return 'completion';
  if (/^responses\./.test(call)) return 'response';
  if (/messages\./.test(call)) return 'message';
  if (/image/i.test(call)) return 'images';
  if (/embed/i.test(call)) return 'embedding';
  if (match.provider === 'replicate') return match.call === 'run' ? 'output' : 'prediction';
  return 'result';
}
