// Billable calls inside helper functions that cannot see the signed-in user (`summarize(text)` in
// services/summarize.js). The area decides, once for the package, what each such helper becomes:
//  - 'callers': it returns the call's result as is, so each request handler that calls it sends the event
//    from what it gets back, like for the call itself;
//  - 'thread': it gets the user's id as a new last parameter (named so the signed-in user search finds it)
//    and sends the event itself; every request handler that calls it passes the user.
// Helpers no request handler calls are left alone (their sites are reported as having no user).
import { sessionSource } from '../session-source.js';
import type * as t from '@babel/types';
import { propertyKey, type FunctionNode } from '../../ast/nodes.js';
import { walk, type Node } from '../../ast/walk.js';
import type { CallMatch, CallNode } from '../../detect/billable-calls.js';
import type { ImportResolver } from '../../detect/clients.js';
import type { DetectedPackage } from '../../detect/stack.js';
import { findBillableSites, userAt, type BillableSite, type SiteOptions } from '../billable-sites.js';
import { exportNamesOf, helperCallsIn, mentionsHelper, type ExportOrigin, type HelperRef } from '../helper-calls.js';
import { findHolder } from './result-holder.js';

/** A helper; its `start` is an offset in the file's LF text, as transforms see it. */
export interface HelperPlan extends HelperRef {
  mode: 'callers' | 'thread';
  /** The billable call it makes (for 'callers': the one whose result it returns). */
  match: CallMatch;
  /** How many parameters it has before the user's id is added ('thread'). */
  params: number;
}

/** Names a new user-id parameter may take: ones the signed-in user search recognises, so a second run finds it. */
export const USER_PARAM_NAMES = ['userId', 'customerId', 'accountId', 'ownerId', 'memberId'];

export function planHelpers(pkg: DetectedPackage, files: string[], siteOptions: (file: string) => SiteOptions): HelperPlan[] {
  const candidates = new Map<string, HelperPlan>();
  for (const file of files) {
    const ast = pkg.ctx.parse(file);
    const text = pkg.ctx.text(file);
    if (!ast || text === undefined) continue;
    const options = siteOptions(file);
    // A provider called as the user needs the request in the helper too; only the user would be handed over.
    const canThread = !('reason' in sessionSource(options.config, null, { framework: options.framework, router: options.router, file }));
    const byFn = new Map<FunctionNode, BillableSite[]>();
    for (const site of findBillableSites(ast, file, options)) {
      if (site.handler || !site.fn || !site.event || !site.helperName) continue;
      if (userAt(site, text, site.call.start ?? 0, options).user) continue;
      byFn.set(site.fn, [...(byFn.get(site.fn) ?? []), site]);
    }
    for (const [fn, sites] of byFn) {
      const mode = sites.length === 1 && !streams(sites[0]) && returnsResult(fn, sites[0]) ? 'callers' : canThread && threadable(fn) && !isServerAction(ast, fn) ? 'thread' : null;
      if (!mode) continue;
      const plan: HelperPlan = { file, start: fn.start ?? -1, localName: sites[0].helperName, exportNames: exportNamesOf(ast, fn), mode, match: sites[0].match, params: fn.params.length };
      candidates.set(`${file}:${plan.start}`, plan);
    }
  }
  return reachedFromHandlers(pkg, [...candidates.values()], siteOptions);
}

/**
 * Only helpers some request handler calls; a helper that would be handed the user ('thread') also needs a
 * caller that has one, or the new parameter would only ever be undefined.
 */
function reachedFromHandlers(pkg: DetectedPackage, helpers: HelperPlan[], siteOptions: (file: string) => SiteOptions): HelperPlan[] {
  if (helpers.length === 0) return [];
  const reached = new Set<HelperPlan>();
  for (const [file, source] of pkg.ctx.sources) {
    if (!helpers.some((h) => mentionsHelper(source, h))) continue;
    const ast = pkg.ctx.parse(file);
    if (!ast) continue;
    const calls = helperCalls(ast, file, helpers, pkg.ctx.resolve, pkg.ctx.origin);
    const sites = findBillableSites(ast, file, { ...siteOptions(file), extraCalls: (call) => calls.get(call)?.match ?? null });
    const text = pkg.ctx.text(file) ?? '';
    for (const site of sites) {
      const helper = calls.get(site.call);
      if (!helper || !site.handler) continue;
      if (helper.mode === 'callers' || userAt(site, text, site.call.start ?? 0, siteOptions(file)).user) reached.add(helper);
    }
  }
  return helpers.filter((h) => reached.has(h));
}

function streams(site: BillableSite): boolean {
  const options = site.call.arguments[0] as Node | undefined;
  const flag = options?.type === 'ObjectExpression' && options.properties.some((p) => p.type === 'ObjectProperty' && propertyKey(p) === 'stream');
  return flag || /stream/i.test(site.match.call);
}

/** The helper hands back exactly what the call returned: `return openai...create()`, or the variable that keeps it. */
function returnsResult(fn: FunctionNode, site: BillableSite): boolean {
  let child: Node = site.call;
  let i = site.ancestors.length - 1;
  while (i >= 0 && /^(AwaitExpression|ParenthesizedExpression|TSAsExpression|TSNonNullExpression|TSSatisfiesExpression)$/.test(site.ancestors[i].type)) child = site.ancestors[i--];
  const parent = site.ancestors[i];
  if (parent?.type === 'ReturnStatement' || (parent === fn && fn.type === 'ArrowFunctionExpression' && fn.body === child)) return true;
  const holder = findHolder(site.call, site.ancestors);
  if (holder.kind !== 'variable') return false;
  const returns = ownReturns(fn);
  return returns.length > 0 && returns.every((r) => r.argument?.type === 'Identifier' && r.argument.name === holder.name);
}

function ownReturns(fn: FunctionNode): t.ReturnStatement[] {
  const out: t.ReturnStatement[] = [];
  walk(fn.body, (node) => {
    if (node !== fn.body && /Function|ObjectMethod|ClassMethod/.test(node.type)) return 'skip';
    if (node.type === 'ReturnStatement') out.push(node);
  });
  return out;
}

/**
 * A server action ('use server' in its module or its body) is called from the browser with arguments the
 * browser chooses: a user id parameter there would let anyone bill anyone. It must read the session itself.
 */
export function isServerAction(ast: t.File, fn: FunctionNode): boolean {
  const directive = (list: t.Directive[] | undefined) => (list ?? []).some((d) => d.value.value === 'use server');
  return directive(ast.program.directives) || (fn.body.type === 'BlockStatement' && directive(fn.body.directives));
}

/** A user parameter can be added at the end: no rest parameter, no `arguments`. */
function threadable(fn: FunctionNode): boolean {
  if (fn.params.some((p) => p.type === 'RestElement')) return false;
  let usesArguments = false;
  walk(fn.body, (node) => {
    if (node.type === 'Identifier' && node.name === 'arguments') usesArguments = true;
  });
  return !usesArguments;
}

/** Calls of the helpers in one file, by call node. */
export function helperCalls(ast: t.File, file: string, helpers: readonly HelperPlan[], resolve: ImportResolver, origin?: ExportOrigin): Map<CallNode, HelperPlan> {
  return new Map(helperCallsIn(ast, file, helpers, resolve, origin).map((c) => [c.call, c.helper]));
}
