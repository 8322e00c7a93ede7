// AI SDK `streamText` / `streamObject`: the usage is final only when the stream finishes, so the event is
// sent from the call's `onFinish` — added when there is none, merged into the app's own when there is
// (the fields it needs are added to its parameter, the event goes first so an early return cannot skip it).
// A stream that stops early is still billed: `onAbort` (streamText, AI SDK 5+) sends the usage of the steps
// that finished, `onError` a partial event (the module bills at least the estimate), each added when absent.
import type * as t from '@babel/types';
import { statementSlot } from '../../ast/edit.js';
import { getProperty, isFunction, type FunctionNode } from '../../ast/nodes.js';
import type { Node } from '../../ast/walk.js';
import { readingFor, type Root } from './event-data.js';
import { indentLines } from '../../ast/style.js';
import { withProperty } from './object-property.js';
import type { FileEdit } from './file-edit.js';
import { noUserReason } from './meter-result.js';
import { patternRoot } from './result-holder.js';
import { leaveToPerson, markMissing, sendsUsage, trackCallFor, type SiteTask } from './site-task.js';

export function isAiStream(task: SiteTask): boolean {
  return task.site.match.provider === 'ai-sdk' && /^stream(Text|Object)$/.test(task.site.match.call);
}

export function meterAiStream(edit: FileEdit, task: SiteTask): void {
  const options = task.site.call.arguments[0] as Node | undefined;
  if (options?.type !== 'ObjectExpression') return leaveToPerson(edit, task, 'its options are not written inline, so onFinish cannot be added');
  const existing = getProperty(options, 'onFinish');
  const fn = existing?.type === 'ObjectMethod' ? existing : existing && isFunction(existing.value as Node) ? (existing.value as FunctionNode) : null;
  if (existing && !fn) return leaveToPerson(edit, task, 'onFinish is a function defined elsewhere, so the event cannot be merged into it');
  if (fn && sendsUsage(fn.body)) return;
  if (!task.user) return leaveToPerson(edit, task, noUserReason(task));
  const reading = readingFor(task.site.match, edit.majors);
  if (!fn) return addOnFinish(edit, task, options, reading);

  const param = fn.params[0] as Node | undefined;
  if (param && param.type !== 'ObjectPattern' && param.type !== 'Identifier') return leaveToPerson(edit, task, "onFinish's parameter is not a plain name or object pattern");
  const pattern = param?.type === 'ObjectPattern' ? patternRoot(param, edit, (n) => edit.fresh(n, task.site.ancestors)) : null;
  const fresh = param ? null : freshPattern(edit, task);
  const root: Root = param?.type === 'Identifier' ? (prop) => `${param.name}.${prop}` : (pattern ?? fresh)!.root;
  const { call, missing } = trackCallFor(task, reading, root, task.user.expression);
  const statements = edit.statements(edit.trackStatement(call, edit.sendStyle(task.site, fn)));
  if (pattern) fn.params[0] = pattern.commit();
  if (fresh) fn.params.push(edit.pattern(fresh.text()));
  if (fn.body.type === 'BlockStatement') fn.body.body.unshift(...statements);
  else {
    // `onFinish: (e) => log(e)`: make the body a block that returns what it returned.
    const slot = statementSlot(fn.body, [options, existing as Node, fn]);
    slot?.body.unshift(...statements);
  }
  edit.changed = true;
  if (missing.length) markMissing(edit, task, statements[0], missing);
}

/** `onFinish({ totalUsage, response }) { ... }`, added as the options' last property. */
function addOnFinish(edit: FileEdit, task: SiteTask, options: t.ObjectExpression, reading: ReturnType<typeof readingFor>): void {
  const fresh = freshPattern(edit, task);
  const { call, missing } = trackCallFor(task, reading, fresh.root, task.user!.expression);
  // The handler's own style; an added onFinish can be async when the event is awaited.
  const style = edit.sendStyle(task.site, task.site.fn);
  const code = `${style === 'await' ? 'async ' : ''}onFinish(${fresh.text()}) {\n${indentLines(edit.trackStatement(call, style))}\n}`;
  // Added in one edit of the options' own text: onFinish, then what bills a stream that stops early.
  const replaced = withProperty(edit, options, [code, ...partialHandlers(edit, task, options, style)].join(',\n'));
  if (replaced !== options) task.site.call.arguments[0] = replaced;
  edit.changed = true;
  const method = getProperty(replaced, 'onFinish') as t.ObjectMethod;
  if (missing.length) markMissing(edit, task, method.body.body[0], missing);
}

/** `onAbort` and `onError` members sending a partial event, for the ones the options do not have. */
function partialHandlers(edit: FileEdit, task: SiteTask, options: t.ObjectExpression, style: ReturnType<FileEdit['sendStyle']>): string[] {
  const out: string[] = [];
  const model = task.requestModel ? ([['model', task.requestModel]] as Array<[string, string]>) : [];
  const send = (data: Array<[string, string]>) => indentLines(edit.trackStatement({ userId: task.user!.expression, eventType: task.site.event.type, data: [['partial', 'true'], ...data, ...model], subject: null }, style === 'await' ? 'void' : style));
  if (task.site.match.call === 'streamText' && edit.majors.ai >= 5 && !getProperty(options, 'onAbort')) {
    const steps = edit.fresh('steps', task.site.ancestors);
    const sum = (field: string) => `${steps}.reduce((sum, step) => sum + (step.usage.${field} ?? 0), 0)`;
    const volume = task.site.event.volumeField === 'tokens' ? 'tokens' : 'total_tokens';
    out.push(`onAbort({ steps${steps === 'steps' ? '' : `: ${steps}`} }) {
  // The client left mid-stream: bill the steps that finished (at least the estimate).
${send([[volume, sum('totalTokens')], ['input_tokens', sum('inputTokens')], ['output_tokens', sum('outputTokens')]])}
}`);
  }
  if (!getProperty(options, 'onError')) {
    // The AI SDK logs a stream's error itself unless onError is given: keep that.
    out.push(`onError({ error }) {
  console.error(error);
  // The provider failed mid-stream, its usage unknown: bill at least the estimate.
${send([])}
}`);
  }
  return out;
}

/** A new destructuring parameter holding exactly the fields the event reads (names kept free in the file). */
function freshPattern(edit: FileEdit, task: SiteTask): { root: Root; text(): string } {
  const fields = new Map<string, string>();
  return {
    root: (prop) => {
      if (!fields.has(prop)) fields.set(prop, edit.fresh(prop, task.site.ancestors));
      return fields.get(prop) as string;
    },
    text: () => `{ ${[...fields].map(([prop, local]) => (prop === local ? prop : `${prop}: ${local}`)).join(', ')} }`,
  };
}
