// A billable site as the usage-events steps see it: the site, read once on the untouched tree (the user in
// scope, the request's `model` argument, a label for reports), and the two things every step ends with —
// inserting the event after a statement, or leaving the site to a person with one marker.
import type * as t from '@babel/types';
import { insertAfter, type StatementSlot } from '../../ast/edit.js';
import { enclosingStatement, getPropertyValue, type FunctionNode } from '../../ast/nodes.js';
import { walk, type Node } from '../../ast/walk.js';
import type { UserRef } from '../../analysis/signed-in-user.js';
import type { BillableSite } from '../billable-sites.js';
import { eventFields, type Root, type UsageReading } from './event-data.js';
import type { FileEdit } from './file-edit.js';
import type { HelperPlan } from './helper-plan.js';
import type { SendStyle, TrackCall } from './track-code.js';

export interface SiteTask {
  site: BillableSite & { event: NonNullable<BillableSite['event']> };
  /** The signed-in user's id at the call, or null. */
  user: UserRef | null;
  /** Why no user was found (the identity analysis's reason), when none was. */
  noUser: string | null;
  /** The helper the call is in, which is handed the user through a new parameter when the site is metered. */
  threadThrough: FunctionNode | null;
  /** The request's `model` argument as written, when it can be evaluated again after the call. */
  requestModel: string | null;
  /** `openai:chat.completions.create`, for reports. */
  label: string;
  /** The call is a call of this helper, which makes the billable call. */
  viaHelper: HelperPlan | null;
  /** The request to hand the billing module, for a provider called with the user's session. */
  session: string | null;
}

export function siteLabel(site: BillableSite): string {
  return site.match.provider === 'config' ? site.match.call : `${site.match.provider}:${site.match.call}`;
}

/** `model: MODEL` in the call's options object (or Replicate's model string), as written, when it is a plain value. */
export function requestModelOf(call: t.CallExpression | t.OptionalCallExpression, text: string): string | null {
  const [first] = call.arguments as Node[];
  if (!first) return null;
  const value = first.type === 'ObjectExpression' ? getPropertyValue(first, 'model') : first.type === 'StringLiteral' ? first : null;
  if (!value || !/^(Identifier|StringLiteral|MemberExpression|TemplateLiteral)$/.test(value.type)) return null;
  if (value.type === 'TemplateLiteral' && value.expressions.length) return null;
  return value.start === null || value.start === undefined ? null : text.slice(value.start, value.end ?? value.start);
}

/** The event for this site, read from `root`, as a call description (fields the result lacks are listed). */
export function trackCallFor(task: SiteTask, reading: UsageReading, root: Root, user: string): { call: Omit<TrackCall, 'billing'>; missing: string[] } {
  const fields = eventFields(reading, task.site.event, root, task.requestModel);
  return { call: { userId: user, eventType: task.site.event.type, data: fields.data, subject: fields.subject, session: task.session }, missing: fields.missing };
}

/** Inserts the event statement(s) after `slot`, marking fields the config wants that the result cannot give. */
export function sendAfter(edit: FileEdit, task: SiteTask, slot: StatementSlot, call: Omit<TrackCall, 'billing'>, missing: string[], style: SendStyle): void {
  const statements = edit.statements(edit.trackStatement(call, style));
  insertAfter(slot, statements);
  edit.changed = true;
  if (missing.length) markMissing(edit, task, statements[0], missing);
}

/** Fields the config names that the call's result does not report: one marker on the event, one manual step. */
export function markMissing(edit: FileEdit, task: SiteTask, statement: Node, missing: string[]): void {
  const fields = missing.map((m) => `data.${m}`).join(', ');
  edit.manual(statement, task.site.call, `set ${fields} of this ${task.site.event.type} event: ${task.label}'s result does not report ${missing.length > 1 ? 'them' : 'it'}`);
}

/** The site cannot be metered automatically: a reason, one marker on its statement, a manual step with the code. */
export function leaveToPerson(edit: FileEdit, task: SiteTask, reason: string): void {
  // The statement that holds the call, without making blocks: a marker is no reason to reshape code.
  const holder = enclosingStatement(task.site.call, task.site.ancestors);
  edit.skip(task.site.call, `${task.label}: ${reason}`);
  edit.manual(holder?.statement ?? null, task.site.call, `send ${/^[aeiou]/i.test(task.site.event.type) ? 'an' : 'a'} ${task.site.event.type} usage event for this call (${reason})`);
}

/** Whether a node (a statement, a callback body) already sends a usage event. */
export function sendsUsage(node: Node | null | undefined): boolean {
  if (!node) return false;
  let found = false;
  walk(node, (n) => {
    if (found) return 'skip';
    const callee = n.type === 'CallExpression' || n.type === 'OptionalCallExpression' ? n.callee : null;
    if (callee && (callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') && callee.property.type === 'Identifier' && callee.property.name === 'trackUsage') found = true;
  });
  return found;
}

/** The statement after `statement` in its list, if any. */
export function nextStatement(slot: StatementSlot): t.Statement | undefined {
  return slot.body[slot.body.indexOf(slot.statement) + 1];
}
