// What one file asks of the balance-gates area: for each request handler, the billable calls on its path
// (written in it, or made by a helper it calls), and the billable calls no handler of this file makes,
// each with why it gets no gate here.
import type * as t from '@babel/types';
import { dottedName, lineOf } from '../../ast/nodes.js';
import type { Node } from '../../ast/walk.js';
import type { FileHandler } from '../../frameworks/handlers-in-file.js';
import { findBillableSites, type BillableSite, type SiteOptions } from '../billable-sites.js';
import { helperCallsIn } from '../helper-calls.js';
import { namedFunction } from './find-helpers.js';
import { describeHelper, helperCallsAsSites, helperKey, keyOf, type BillableHelper } from './helpers.js';

export interface GateOptions extends SiteOptions {
  /** Billable helpers of the package (see find-helpers.ts). */
  helpers?: BillableHelper[];
  /** Keys of helpers some request handler calls. */
  reachedHelpers?: ReadonlySet<string>;
}

/** One billable thing a handler does: a billable call, or a call to a billable helper. */
export interface GateSite {
  call: Node;
  ancestors: Node[];
  estimate: number;
  /** `openai:chat.completions.create`, or `summarize` (services/summarize.js). */
  label: string;
  /** The site as billable-sites sees it (for a helper call: the call in the handler). */
  site: BillableSite;
}

export interface HandlerWork {
  handler: FileHandler;
  sites: GateSite[];
}

export interface LoneSite {
  line: number;
  reason: string;
}

export interface FileWork {
  handlers: HandlerWork[];
  lone: LoneSite[];
}

export function gateWork(ast: t.File, file: string, options: GateOptions): FileWork {
  const work: FileWork = { handlers: [], lone: [] };
  const add = (handler: FileHandler, site: GateSite) => {
    const entry = work.handlers.find((w) => w.handler.fn === handler.fn);
    if (entry) entry.sites.push(site);
    else work.handlers.push({ handler, sites: [site] });
  };
  const helperCalls = new Map(helperCallsIn(ast, file, options.helpers ?? [], options.resolve ?? (() => null), options.origin).map((c) => [c.call as Node, c.helper]));
  for (const site of findBillableSites(ast, file, { ...options, extraCalls: helperCallsAsSites(helperCalls) })) {
    const helper = helperCalls.get(site.call);
    // A helper called outside any handler is itself a helper of the package (see find-helpers.ts).
    if (helper) {
      if (site.handler) add(site.handler, { call: site.call, ancestors: site.ancestors, estimate: helper.estimate, label: describeHelper(helper), site });
      continue;
    }
    const label = `${site.match.provider}:${site.match.call}`;
    if (!site.event) {
      work.lone.push({ line: lineOf(site.call), reason: `${label} is billable but no event in billing.config.json covers it, so it gets no balance check` });
      continue;
    }
    if (site.handler) add(site.handler, { call: site.call, ancestors: site.ancestors, estimate: site.event.estimate, label, site });
    else {
      const lone = loneReason(site, file, options);
      if (lone) work.lone.push({ line: lineOf(site.call), reason: `${label}: ${lone}` });
    }
  }
  return work;
}

/** Why a billable call outside any request handler gets no gate in this file, or null when one is made where it is called. */
function loneReason(site: BillableSite, file: string, options: GateOptions): string | null {
  if (!site.fn) return 'not inside a request handler or a function a handler calls, so no request is there to refuse';
  const name = `\`${site.helperName ?? '(anonymous)'}\``;
  if (!options.helpers) return `${name} makes this call outside any request handler; \`billing-codemod apply balance-gates\` checks the balance where a handler calls it`;
  const key = keyOf(file, namedFunction(site.fn, site.ancestors));
  const helper = options.helpers.find((h) => helperKey(h) === key);
  // A helper that checks the balance itself needs no gate at its callers.
  if (!helper) return null;
  if (options.reachedHelpers?.has(helperKey(helper))) return null;
  const handedTo = callbackOf(site.fn, site.ancestors);
  if (handedTo) {
    return `${describeHelper(helper)} makes this call; it is handed to ${handedTo}(...) rather than called by name, so the request that runs it is not known here: the gate of the route that starts it (before its response or stream begins) covers it, else check the balance where that request starts`;
  }
  return `${describeHelper(helper)} makes this call, but no request handler the tool can find calls it; check the balance where a request reaches it`;
}

/** The call a function is handed to (directly, or as a method or property of an object literal passed to it), by name. */
function callbackOf(fn: Node, ancestors: readonly Node[]): string | null {
  let child: Node = fn;
  for (let i = ancestors.indexOf(fn) - 1; i >= 0; i--) {
    const parent = ancestors[i];
    if (parent.type === 'CallExpression') return parent.arguments.includes(child as never) ? dottedName(parent.callee) : null;
    if (!/^(ObjectProperty|ObjectExpression|ArrayExpression)$/.test(parent.type)) return null;
    child = parent;
  }
  return null;
}
