// cost-tracking: every usage event the usage-events area sends gains what the call cost you, priced by the
// generated costs module from the response's own usage:
//
//   void billing.trackUsage({
//     ...,
//     data: { total_tokens: completion.usage?.total_tokens, ..., model: completion.model },
//     costs: costOf('openai', completion.model, completion.usage),
//   });
//
// It reads the event as that area wrote it: the model from `data.model` (else the call's own `model`
// argument), the usage object the token counts come from. Run by `billing-codemod apply cost-tracking`.
import type * as t from '@babel/types';
import type { API, FileInfo } from 'jscodeshift';
import { ImportPlanner, type ImportWish } from '../src/ast/add-import.js';
import { collectImports, importSyntaxOf } from '../src/ast/imports.js';
import { jsLiteral } from '../src/ast/literal.js';
import { getPropertyValue, lineOf, propertyKey } from '../src/ast/nodes.js';
import { nodeText } from '../src/ast/object-text.js';
import { printEdited } from '../src/ast/print.js';
import { applyStyle, detectStyle } from '../src/ast/style.js';
import { reporterFor, siteVerdict, type Reporter, type SiteFilter } from '../src/ast/transform.js';
import { walk, type Node } from '../src/ast/walk.js';
import { requestModelOf } from '../src/areas/usage/site-task.js';

export interface CostTrackingOptions {
  /** How this file imports the billing module, to know its `trackUsage` calls. */
  billing: ImportWish;
  /** How this file imports `costOf` from the generated costs module. */
  costs: ImportWish;
  /** Event type -> the SDKs its configured calls use (`openai`, `ai-sdk`). */
  eventProviders: Record<string, string[]>;
  /** The SDKs whose calls the price table can price. */
  priced: string[];
  /** This file's billable calls, as detection found them. */
  calls: Array<{ line: number; provider: string; call: string }>;
  module?: 'esm' | 'cjs';
}

/** Usage fields the event's data may read; the object they are read from is the response's usage. */
const TOKEN_FIELDS = new Set(['total_tokens', 'tokens', 'input_tokens', 'prompt_tokens', 'output_tokens', 'completion_tokens']);

export default function costTracking(file: FileInfo, api: API, options: CostTrackingOptions & { reporter?: Reporter; sites?: SiteFilter }): string | undefined {
  if (!file.source.includes('trackUsage')) return undefined;
  const j = api.jscodeshift;
  const root = j(file.source);
  const ast = root.get().node as t.File;
  const reporter = reporterFor(api, file.path, options.reporter);
  const events = trackUsageCalls(ast, options.billing);
  if (events.length === 0) return undefined;
  const planner = new ImportPlanner(ast, importSyntaxOf(ast, file.path, options.module));
  const style = detectStyle(file.source);
  // Edits go into the text (last first), so the events keep their layout; the import is added after.
  const inserts: Array<{ at: number; text: string }> = [];
  for (const { call, object } of events) {
    if (getPropertyValue(object, 'costs')) continue;
    const key = call.start ?? 0;
    const verdict = siteVerdict(options.sites, key);
    if (verdict === 'leave') continue;
    reporter.site?.(key, lineOf(call));
    if (typeof verdict === 'object') {
      reporter.skip(lineOf(call), verdict.refused);
      continue;
    }
    const cost = costArguments(ast, file.source, object, lineOf(call), options);
    if ('skip' in cost) {
      reporter.skip(lineOf(call), cost.skip);
      continue;
    }
    const costOf = planner.use(options.costs);
    inserts.push(afterData(file.source, object, applyStyle(`costs: ${costOf}(${cost.provider}, ${cost.model}, ${cost.usage})`, style)));
  }
  if (inserts.length === 0) return undefined;
  let text = file.source;
  for (const { at, text: code } of inserts.sort((a, b) => b.at - a.at)) text = text.slice(0, at) + code + text.slice(at);
  const edited = j(text);
  const imports = new ImportPlanner(edited.get().node as t.File, importSyntaxOf(edited.get().node as t.File, file.path, options.module));
  imports.use(options.costs);
  return printEdited(edited, { path: file.path, source: text }, style, imports);
}

/** `billing.trackUsage({...})` (or a `trackUsage` imported by name) from the billing module, with its object. */
function trackUsageCalls(ast: t.File, billing: ImportWish): Array<{ call: t.CallExpression; object: t.ObjectExpression }> {
  const same = billing.sameModule ?? ((s: string) => s === billing.source);
  const imports = collectImports(ast).filter((i) => same(i.source));
  const objects = new Set(imports.filter((i) => i.imported === 'billing' || i.imported === '*' || i.imported === 'default').map((i) => i.local));
  const direct = new Set(imports.filter((i) => i.imported === 'trackUsage').map((i) => i.local));
  const found: Array<{ call: t.CallExpression; object: t.ObjectExpression }> = [];
  walk(ast.program, (node) => {
    if (node.type !== 'CallExpression' || node.arguments[0]?.type !== 'ObjectExpression') return;
    const callee = node.callee;
    const viaObject =
      callee.type === 'MemberExpression' && callee.property.type === 'Identifier' && callee.property.name === 'trackUsage' && calleeRoot(callee.object, objects);
    const viaName = callee.type === 'Identifier' && direct.has(callee.name);
    if (viaObject || viaName) found.push({ call: node, object: node.arguments[0] });
  });
  return found;
}

/** `billing` or `lib.billing` where `billing`/`lib` came from the billing module. */
function calleeRoot(object: Node, locals: Set<string>): boolean {
  if (object.type === 'Identifier') return locals.has(object.name);
  return object.type === 'MemberExpression' && object.object.type === 'Identifier' && locals.has(object.object.name);
}

type CostArguments = { provider: string; model: string; usage: string } | { skip: string };

function costArguments(ast: t.File, text: string, event: t.ObjectExpression, line: number, options: CostTrackingOptions): CostArguments {
  // The billable call the event meters: the nearest above it in this file (found once, its node lazily).
  const billable = nearestCall(options.calls, line);
  let node: t.CallExpression | null | undefined;
  const callNode = () => (node === undefined ? (node = billable ? callAt(ast, billable) : null) : node);
  if (billable?.provider === 'openai' && billable.call === 'audio.speech.create') return speechArguments(text, callNode());
  const data = getPropertyValue(event, 'data');
  if (!data || data.type !== 'ObjectExpression') return { skip: 'the event has no data object to read the usage from: add costs by hand' };
  const partial = getPropertyValue(data, 'partial');
  if (partial?.type === 'BooleanLiteral' && partial.value) return { skip: 'a partial event (the stream stopped before its usage arrived) has no usage to cost' };
  const eventType = getPropertyValue(event, 'eventType');
  const type = eventType?.type === 'StringLiteral' ? eventType.value : null;
  const provider = providerOf(type ? (options.eventProviders[type] ?? []) : [], billable);
  if (!provider) return { skip: 'which SDK made this call is not known (the event type covers several): add costs by hand' };
  if (provider === 'config') return { skip: 'the call is one the config names (not an OpenAI, Anthropic or Google SDK call), which the price table cannot price: add costs by hand' };
  if (!options.priced.includes(provider)) return { skip: `the price table has no prices for calls made with ${provider}: add costs by hand` };
  const modelNode = getPropertyValue(data, 'model');
  const call = callNode();
  const model = modelNode ? nodeText(text, modelNode) : call ? requestModelOf(call, text) : null;
  if (!model) return { skip: "the model is not known here (neither data.model nor the call's model argument): add costs by hand" };
  const usage = usageArgument(text, data, call);
  if (!usage) return { skip: 'the event reads no token counts or image count this call reports: add costs by hand' };
  return { provider: jsLiteral(provider), model, usage };
}

/**
 * Text to speech is priced per character of its input, which the request holds: `{ characters: text.length }`
 * when the input is a plain name (read again, it is the same text).
 */
function speechArguments(text: string, call: t.CallExpression | null): CostArguments {
  const request = call?.arguments[0];
  const input = request?.type === 'ObjectExpression' ? getPropertyValue(request, 'input') : null;
  const model = call ? requestModelOf(call, text) : null;
  if (!input || !/^(Identifier|MemberExpression)$/.test(input.type) || !model) return { skip: "the speech request's model or input is not a plain value to read again: add costs by hand" };
  return { provider: jsLiteral('openai'), model, usage: `{ characters: ${nodeText(text, input)}.length }` };
}

/** The SDK: the event's only one, else the billable call nearest above the event in this file. */
function providerOf(providers: string[], nearest: { provider: string } | null): string | null {
  const distinct = [...new Set(providers)];
  if (distinct.length === 1) return distinct[0];
  return nearest?.provider ?? null;
}

function nearestCall(calls: CostTrackingOptions['calls'], line: number): CostTrackingOptions['calls'][number] | null {
  const above = calls.filter((c) => c.line <= line).sort((a, b) => b.line - a.line);
  return above[0] ?? [...calls].sort((a, b) => a.line - b.line)[0] ?? null;
}

/** The billable call detection reported at this line. */
function callAt(ast: t.File, call: { line: number; call: string }): t.CallExpression | null {
  const method = call.call.split('.').pop() ?? call.call;
  let found: t.CallExpression | null = null;
  walk(ast.program, (node) => {
    if (found || node.type !== 'CallExpression' || lineOf(node) !== call.line) return;
    const callee = node.callee;
    const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : null;
    if (name === method) found = node;
  });
  return found;
}

/**
 * What the cost is computed from: the usage object every token count is read from (so cached and reasoning
 * tokens count too), else the counts themselves, or the image count with the request's size and quality.
 */
function usageArgument(text: string, data: t.ObjectExpression, call: t.CallExpression | null): string | null {
  const values = new Map<string, Node>();
  for (const prop of data.properties) {
    const key = prop.type === 'ObjectProperty' ? propertyKey(prop) : null;
    if (key && prop.type === 'ObjectProperty') values.set(key, prop.value);
  }
  const images = values.get('images');
  if (images) {
    const options = call?.arguments[0];
    const extra = ['size', 'quality'].flatMap((name) => {
      const value = options?.type === 'ObjectExpression' ? getPropertyValue(options, name) : null;
      return value?.type === 'StringLiteral' ? [`${name}: ${jsLiteral(value.value)}`] : [];
    });
    return `{ ${[`images: ${nodeText(text, images)}`, ...extra].join(', ')} }`;
  }
  const owners = new Set<string>();
  for (const [key, value] of values) {
    if (!TOKEN_FIELDS.has(key)) continue;
    if (value.type === 'MemberExpression' || value.type === 'OptionalMemberExpression') owners.add(nodeText(text, value.object));
  }
  if (owners.size === 1) return [...owners][0];
  // Counts read from different objects (an Anthropic stream's start and delta events): pass the counts.
  const input = values.get('input_tokens');
  const output = values.get('output_tokens');
  if (input && output) return `{ input_tokens: ${nodeText(text, input)}, output_tokens: ${nodeText(text, output)} }`;
  return null;
}

/** Where and what to insert so `property` follows the event's `data` (else its `eventType`), on its own line like the others. */
function afterData(source: string, event: t.ObjectExpression, property: string): { at: number; text: string } {
  const named = (key: string) => event.properties.find((p) => p.type === 'ObjectProperty' && propertyKey(p) === key);
  const data = (named('data') ?? named('eventType') ?? event.properties[event.properties.length - 1]) as Node;
  const end = data.end ?? 0;
  const comma = /^\s*,/.exec(source.slice(end));
  const lineStart = source.lastIndexOf('\n', (data.start ?? 0) - 1) + 1;
  const indent = /^[ \t]*/.exec(source.slice(lineStart))?.[0] ?? '';
  const multiline = source.slice(event.start ?? 0, data.start ?? 0).includes('\n');
  if (comma) return { at: end + comma[0].length, text: multiline ? `\n${indent}${property},` : ` ${property},` };
  return { at: end, text: multiline ? `,\n${indent}${property}` : `, ${property}` };
}
