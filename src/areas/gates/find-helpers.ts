// Package-wide: which functions outside request handlers make billable calls (directly, or through other
// such helpers), and which of them some request handler reaches. The area runs this once, on detection's
// parses, and hands the result to every file's transform.
import type * as t from '@babel/types';
import { functionName, isFunction, type FunctionNode } from '../../ast/nodes.js';
import { isCall } from '../../detect/billable-calls.js';
import type { Node } from '../../ast/walk.js';
import { mayHoldBillableCall } from '../../detect/billable-calls.js';
import { isGeneratedBillingModule } from '../../providers/marker.js';
import type { DetectedPackage } from '../../detect/stack.js';
import { findBillableSites, type SiteOptions } from '../billable-sites.js';
import { sumEstimates } from './gate-code.js';
import { checkBalanceBefore } from './placement.js';
import { exportNamesOf, helperCallsIn, mentionsHelper } from '../helper-calls.js';
import { helperCallsAsSites, helperKey, keyOf, type BillableHelper } from './helpers.js';

export interface HelperIndex {
  helpers: BillableHelper[];
  /** Keys (helperKey) of helpers a request handler calls, directly or through other helpers. */
  reached: Set<string>;
}

/** How many layers of helpers calling helpers are followed. */
const MAX_DEPTH = 3;

export function findBillableHelpers(pkg: DetectedPackage, siteOptions: (file: string) => SiteOptions): HelperIndex {
  const parse = (file: string) => pkg.ctx.parse(file);
  const helpers: BillableHelper[] = [];
  for (const [file, text] of pkg.ctx.sources) {
    if (!mayHoldBillableCall(text, pkg.ctx.config) || isGeneratedBillingModule(text)) continue;
    const ast = parse(file);
    if (ast) helpers.push(...directHelpers(ast, file, siteOptions(file)));
  }
  const reached = new Set<string>();
  const wrappers = new Map<string, string[]>();
  let fresh = helpers;
  for (let depth = 0; depth < MAX_DEPTH && fresh.length; depth++) {
    const found: BillableHelper[] = [];
    for (const [file, text] of pkg.ctx.sources) {
      if (!fresh.some((h) => mentionsHelper(text, h))) continue;
      const ast = parse(file);
      if (!ast) continue;
      const calls = new Map(helperCallsIn(ast, file, fresh, pkg.ctx.resolve, pkg.ctx.origin).map((c) => [c.call as Node, c.helper]));
      const outside = new Map<FunctionNode, Array<{ helper: BillableHelper; ancestors: Node[] }>>();
      for (const site of findBillableSites(ast, file, { ...siteOptions(file), extraCalls: helperCallsAsSites(calls) })) {
        const helper = calls.get(site.call);
        if (!helper) continue;
        const fn = site.fn && namedFunction(site.fn, site.ancestors);
        if (site.handler) reached.add(helperKey(helper));
        else if (fn) outside.set(fn, [...(outside.get(fn) ?? []), { helper, ancestors: site.ancestors }]);
      }
      for (const [fn, uses] of outside) {
        const ancestors = uses[0].ancestors.slice(0, uses[0].ancestors.indexOf(fn));
        const key = keyOf(file, fn);
        for (const use of uses) wrappers.set(helperKey(use.helper), [...(wrappers.get(helperKey(use.helper)) ?? []), key]);
        if (helpers.some((h) => helperKey(h) === key) || found.some((h) => helperKey(h) === key)) continue;
        found.push(helperOf(ast, file, fn, ancestors, uses.map((u) => u.helper.estimate), uses.flatMap((u) => u.helper.eventTypes)));
      }
    }
    helpers.push(...found);
    fresh = found;
  }
  // A helper called only by another helper is reached when that one is.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [inner, outers] of wrappers) {
      if (!reached.has(inner) && outers.some((o) => reached.has(o))) {
        reached.add(inner);
        changed = true;
      }
    }
  }
  return { helpers, reached };
}

/** Functions of one file that make billable calls outside any request handler (and check no balance first). */
function directHelpers(ast: t.File, file: string, options: SiteOptions): BillableHelper[] {
  const byFn = new Map<FunctionNode, { ancestors: Node[]; estimates: number[]; types: string[]; first: number }>();
  for (const site of findBillableSites(ast, file, options)) {
    const fn = site.fn && namedFunction(site.fn, site.ancestors);
    if (site.handler || !fn || !site.event) continue;
    const entry = byFn.get(fn) ?? { ancestors: site.ancestors.slice(0, site.ancestors.indexOf(fn)), estimates: [], types: [], first: site.call.start ?? 0 };
    entry.estimates.push(site.event.estimate);
    entry.types.push(site.event.type);
    byFn.set(fn, entry);
  }
  return [...byFn]
    .filter(([fn, e]) => !checkBalanceBefore(fn, e.first))
    .map(([fn, e]) => helperOf(ast, file, fn, e.ancestors, e.estimates, e.types));
}

/**
 * The function a call belongs to for its callers: an anonymous callback handed to another call
 * (`recipes.map((r) => generateImage(r))`) is looked through to the named function around it.
 */
export function namedFunction(fn: FunctionNode, ancestors: readonly Node[]): FunctionNode {
  let current = fn;
  for (;;) {
    const at = ancestors.indexOf(current);
    const parent = ancestors[at - 1];
    if (functionName(current, ancestors.slice(0, at)) || !parent || !isCall(parent) || !(parent.arguments as Node[]).includes(current)) return current;
    const outer = [...ancestors.slice(0, at)].reverse().find(isFunction);
    if (!outer) return current;
    current = outer;
  }
}

function helperOf(ast: t.File, file: string, fn: FunctionNode, ancestors: Node[], estimates: number[], types: string[]): BillableHelper {
  const localName = functionName(fn, ancestors);
  return { file, start: fn.start ?? -1, localName, exportNames: exportNamesOf(ast, fn), estimate: sumEstimates(estimates), eventTypes: [...new Set(types)] };
}
