// Streamed OpenAI and Anthropic calls: the usage is known only once the stream has been read.
//  - `stream: true` (raw streams): the event goes inside the `for await` loop that reads the stream, sent
//    on the chunk that carries the final usage (OpenAI chat asks for it with stream_options.include_usage;
//    the Responses API's `response.completed`; Anthropic's `message_start` + `message_delta`).
//  - `.stream()` helpers: after the stream is consumed, from the helper's final completion.
import type * as t from '@babel/types';
import { insertAfter, insertBefore, statementSlot } from '../../ast/edit.js';
import { enclosingFunction, enclosingStatement, getProperty, getPropertyValue } from '../../ast/nodes.js';
import { walk, type Node } from '../../ast/walk.js';
import { ANTHROPIC_MESSAGE, readingFor, type UsageReading } from './event-data.js';
import type { FileEdit } from './file-edit.js';
import { indentLines } from '../../ast/style.js';
import { withProperty } from './object-property.js';
import { findHolder } from './result-holder.js';
import { noUserReason } from './meter-result.js';
import { leaveToPerson, markMissing, nextStatement, sendAfter, sendsUsage, trackCallFor, type SiteTask } from './site-task.js';

type StreamApi = 'chat' | 'responses' | 'anthropic';
export type StreamShape = { kind: 'raw' | 'helper'; api: StreamApi } | { kind: 'none' } | { kind: 'unsupported'; reason: string };

const HELPER_FINAL: Record<StreamApi, string> = { chat: 'finalChatCompletion', responses: 'finalResponse', anthropic: 'finalMessage' };

/** Whether the site streams, and through which API. */
export function streamShape(task: SiteTask): StreamShape {
  const { match, call } = task.site;
  if (match.provider === 'replicate' && match.call === 'stream') return { kind: 'unsupported', reason: 'replicate.stream() reports no usage to bill from' };
  if (match.provider === 'groq' || match.provider === 'google' || match.provider === 'langchain') {
    const flag = getPropertyValue(call.arguments[0] as Node, 'stream');
    const streams = /stream/i.test(match.call) || (flag?.type === 'BooleanLiteral' ? flag.value : !!flag);
    return streams ? { kind: 'unsupported', reason: `a streamed ${match.provider} call reports its usage only on its last chunk, which this tool does not follow; send the event once the stream is read` } : { kind: 'none' };
  }
  if (match.provider !== 'openai' && match.provider !== 'anthropic') return { kind: 'none' };
  const api = match.provider === 'anthropic' ? 'anthropic' : /^responses\./.test(match.call) ? 'responses' : /chat\.completions\./.test(match.call) ? 'chat' : null;
  if (/\.stream$/.test(match.call)) return api ? { kind: 'helper', api } : { kind: 'none' };
  const streamFlag = getPropertyValue(call.arguments[0] as Node, 'stream');
  if (!streamFlag || (streamFlag.type === 'BooleanLiteral' && !streamFlag.value)) return { kind: 'none' };
  if (streamFlag.type !== 'BooleanLiteral') return { kind: 'unsupported', reason: '`stream` is decided at runtime, so whether usage arrives in a stream is not known' };
  if (!api || /^create/.test(match.call)) return { kind: 'unsupported', reason: 'this streamed call reports no usage the event could read' };
  return { kind: 'raw', api };
}

export function meterStream(edit: FileEdit, task: SiteTask, shape: Extract<StreamShape, { kind: 'raw' | 'helper' }>): void {
  const holder = findHolder(task.site.call, task.site.ancestors);
  if (holder.kind !== 'variable') return leaveToPerson(edit, task, 'the stream is not kept in a variable, so where it is read cannot be followed');
  const fn = task.site.fn;
  const consumer = fn ? findConsumer(fn, holder.name, holder.statement, shape) : null;
  if (!consumer) return leaveToPerson(edit, task, `\`${holder.name}\` is not read by a \`for await\` loop${shape.kind === 'helper' ? ` or ${HELPER_FINAL[shape.api]}()` : ''} in this function, so the end of the stream is not visible here`);
  if (shape.kind === 'raw') meterRawLoop(edit, task, shape.api, consumer);
  else meterHelperStream(edit, task, shape.api, holder.name, consumer);
}

interface Consumer {
  node: t.ForOfStatement | t.Statement;
  ancestors: Node[];
  /** The loop's chunk variable, for `for await` loops. */
  item: string | null;
  /** `const final = await stream.finalChatCompletion()`: the final result is already kept under this name. */
  kept: string | null;
}

/** The first place after the declaration that reads the whole stream: a `for await` loop, or an awaited helper method. */
function findConsumer(fn: Node, name: string, declaration: Node, shape: Extract<StreamShape, { kind: 'raw' | 'helper' }>): Consumer | null {
  let found: Consumer | null = null;
  const after = declaration.end ?? 0;
  walk(fn, (node, ancestors) => {
    if (found || (node.start ?? 0) < after) return found ? 'skip' : undefined;
    if (node.type === 'ForOfStatement' && node.await && node.right.type === 'Identifier' && node.right.name === name) {
      const left = node.left.type === 'VariableDeclaration' && node.left.declarations.length === 1 ? node.left.declarations[0].id : null;
      found = { node, ancestors: [...ancestors], item: left?.type === 'Identifier' ? left.name : null, kept: null };
      return 'skip';
    }
    if (shape.kind !== 'helper' || node.type !== 'AwaitExpression') return;
    const callee = node.argument.type === 'CallExpression' ? node.argument.callee : null;
    if (callee?.type !== 'MemberExpression' || callee.object.type !== 'Identifier' || callee.object.name !== name || callee.property.type !== 'Identifier') return;
    if (!/^(done|final\w+)$/.test(callee.property.name)) return;
    const parent = ancestors[ancestors.length - 1];
    const kept = callee.property.name === HELPER_FINAL[shape.api] && parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier' ? parent.id.name : null;
    const holder = enclosingStatement(node, ancestors);
    if (holder) found = { node: holder.statement, ancestors: ancestors.slice(0, ancestors.indexOf(holder.statement)), item: null, kept };
  });
  return found;
}

/**
 * Inside the loop, on the chunk with the final usage; and, should the stream stop before that chunk (the
 * client left, the provider failed), a partial event once the loop is left (`finally`), which the billing
 * module bills at least at the event's estimate.
 */
function meterRawLoop(edit: FileEdit, task: SiteTask, api: StreamApi, consumer: Consumer): void {
  const loop = consumer.node as t.ForOfStatement;
  if (!consumer.item) return leaveToPerson(edit, task, 'the loop does not name its chunks with a plain variable');
  if (sendsUsage(loop.body)) return;
  if (!task.user) return leaveToPerson(edit, task, noUserReason(task));
  if (api === 'chat' && !askForUsage(edit, task)) return;
  const chunk = consumer.item;
  const fn = enclosingFunction(consumer.ancestors) ?? task.site.fn;
  const style = edit.sendStyle(task.site, fn);
  const billed = edit.fresh('billed', consumer.ancestors);
  let code: string;
  let missing: string[];
  if (api === 'anthropic') {
    // The id, model and input tokens come first (message_start), the output tokens last (message_delta).
    const started = edit.fresh('streamed', consumer.ancestors);
    const reading: UsageReading = {
      ...ANTHROPIC_MESSAGE,
      total: () => `${started}.usage.input_tokens + ${chunk}.usage.output_tokens`,
      output: () => `${chunk}.usage.output_tokens`,
    };
    const built = trackCallFor(task, reading, (prop) => `${started}.${prop}`, task.user.expression);
    missing = built.missing;
    // An `after()` callback could not see the type of a `let` assigned in the loop: send from the loop itself.
    code = [
      `if (${chunk}.type === 'message_start') ${started} = ${chunk}.message;`,
      `if (${chunk}.type === 'message_delta' && ${started}) {`,
      `  ${billed} = true;`,
      indentLines(edit.trackStatement(built.call, style === 'after' ? 'void' : style)),
      '}',
    ].join('\n');
    const slot = statementSlot(loop, consumer.ancestors);
    if (slot) slot.body.splice(slot.index, 0, ...edit.statements(`let ${started};`));
  } else {
    const responses = api === 'responses';
    const built = trackCallFor(task, readingFor(task.site.match, edit.majors), (prop) => (responses ? `${chunk}.response.${prop}` : `${chunk}.${prop}`), task.user.expression);
    missing = built.missing;
    code = [responses ? `if (${chunk}.type === 'response.completed') {` : `if (${chunk}.usage) {`, `  ${billed} = true;`, indentLines(edit.trackStatement(built.call, style)), '}'].join('\n');
  }
  const statements = edit.statements(code);
  if (loop.body.type === 'BlockStatement') loop.body.body.unshift(...statements);
  else {
    const slot = statementSlot(loop.body, [...consumer.ancestors, loop]);
    if (slot) insertBefore(slot, statements);
  }
  wrapForPartialUsage(edit, task, loop, consumer.ancestors, billed, style);
  edit.changed = true;
  if (missing.length) markMissing(edit, task, statements[statements.length - 1], missing);
}

/** `let billed = false; try { <loop> } finally { if (!billed) <partial event> }`, the loop kept as written. */
function wrapForPartialUsage(edit: FileEdit, task: SiteTask, loop: t.ForOfStatement, ancestors: Node[], billed: string, style: ReturnType<FileEdit['sendStyle']>): void {
  const slot = statementSlot(loop, ancestors);
  if (!slot || !task.user) return;
  const data: Array<[string, string]> = [['partial', 'true'], ...(task.requestModel ? ([['model', task.requestModel]] as Array<[string, string]>) : [])];
  const partial = { userId: task.user.expression, eventType: task.site.event.type, data, subject: null };
  const send = indentLines(indentLines(edit.trackStatement(partial, style)));
  const code = ['try {', '} finally {', '  // The stream stopped before it reported its usage: bill what is known (at least the estimate).', `  if (!${billed}) {`, send, '  }', '}'].join('\n');
  const [guard, wrapper] = edit.statements(`let ${billed} = false;\n${code}`) as [t.Statement, t.TryStatement];
  wrapper.block.body.push(loop);
  slot.body.splice(slot.index, 1, guard, wrapper);
}

/** OpenAI sends a chat stream's usage only when asked: `stream_options: { include_usage: true }`. */
function askForUsage(edit: FileEdit, task: SiteTask): boolean {
  const options = task.site.call.arguments[0] as Node;
  if (options?.type !== 'ObjectExpression') return false;
  const existing = getPropertyValue(options, 'stream_options');
  if (existing) {
    const include = getPropertyValue(existing, 'include_usage');
    if (include?.type === 'BooleanLiteral' && include.value) return true;
    if (existing.type !== 'ObjectExpression' || include) {
      leaveToPerson(edit, task, 'stream_options is set without include_usage: true, so the stream reports no usage');
      return false;
    }
    const replaced = withProperty(edit, existing, 'include_usage: true');
    if (replaced !== existing) (getProperty(options, 'stream_options') as t.ObjectProperty).value = replaced;
    return true;
  }
  const replaced = withProperty(edit, options, 'stream_options: { include_usage: true }');
  if (replaced !== options) task.site.call.arguments[0] = replaced;
  return true;
}

/** After the helper stream has been read: its final completion carries the usage. */
function meterHelperStream(edit: FileEdit, task: SiteTask, api: StreamApi, stream: string, consumer: Consumer): void {
  const slot = statementSlot(consumer.node, consumer.ancestors);
  if (!slot) return leaveToPerson(edit, task, 'no statement to put the event after');
  const next = nextStatement(slot);
  if (sendsUsage(next) || (isFinalRead(next, stream, api) && sendsUsage(slot.body[slot.body.indexOf(next as t.Statement) + 1]))) return;
  if (!task.user) return leaveToPerson(edit, task, noUserReason(task));
  if (api === 'chat' && !askForUsage(edit, task)) return;
  const final = consumer.kept ?? edit.fresh(api === 'chat' ? 'completion' : api === 'responses' ? 'response' : 'message', consumer.ancestors);
  const { call, missing } = trackCallFor(task, readingFor(task.site.match, edit.majors), (prop) => `${final}.${prop}`, task.user.expression);
  const style = edit.sendStyle(task.site, enclosingFunction(consumer.ancestors) ?? task.site.fn);
  if (consumer.kept) return sendAfter(edit, task, slot, call, missing, style);
  // Read and send parsed together, so recast keeps them on lines of their own.
  const statements = edit.statements(`const ${final} = await ${stream}.${HELPER_FINAL[api]}();\n${edit.trackStatement(call, style)}`);
  insertAfter(slot, statements);
  edit.changed = true;
  if (missing.length) markMissing(edit, task, statements[1], missing);
}

function isFinalRead(statement: Node | undefined, stream: string, api: StreamApi): boolean {
  if (statement?.type !== 'VariableDeclaration') return false;
  const init = statement.declarations[0]?.init;
  const call = init?.type === 'AwaitExpression' ? init.argument : null;
  return call?.type === 'CallExpression' && call.callee.type === 'MemberExpression' && call.callee.object.type === 'Identifier' && call.callee.object.name === stream && call.callee.property.type === 'Identifier' && call.callee.property.name === HELPER_FINAL[api];
}

