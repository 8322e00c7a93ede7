// balance-gates: before the first billable call of each request handler, check the customer's balance
// through the billing module and answer 402 when it cannot pay:
//
//   const balance = await billing.checkBalance({ customer: { externalId: req.user.id }, estimate: 0.01 });
//   if (!balance.allowed) return res.status(402).json(balance.body);
//
// Run by `billing-codemod apply balance-gates`, which hands it package-wide facts (clients, handlers routed
// from other files, billable helpers); a plain `jscodeshift --no-babel -t dist/transforms/balance-gates.js`
// run in the app's folder works the same facts out first (src/areas/standalone.ts). Steps live in
// src/areas/gates/.
import type * as t from '@babel/types';
import type { API, FileInfo } from 'jscodeshift';
import { ImportPlanner, type ImportWish } from '../src/ast/add-import.js';
import { collectImports, importSyntaxOf } from '../src/ast/imports.js';
import { printEdited } from '../src/ast/print.js';
import { detectStyle } from '../src/ast/style.js';
import { reporterFor, siteVerdict, type Reporter, type SiteFilter } from '../src/ast/transform.js';
import { mayHoldBillableCall } from '../src/detect/billable-calls.js';
import { isGeneratedBillingModule } from '../src/providers/marker.js';
import { gateHandler, refuseHandler, type GateFile } from '../src/areas/gates/gate-handler.js';
import { lineOf } from '../src/ast/nodes.js';
import { gateWork, type GateOptions } from '../src/areas/gates/work.js';
import { mentionsHelper } from '../src/areas/helper-calls.js';
import { standaloneOptions } from '../src/areas/standalone.js';

export interface BalanceGatesOptions extends GateOptions {
  /** How this file imports the billing module. */
  billing: ImportWish;
  frameworkVersion?: string | null;
  /** The package's module system, for files that show neither imports nor requires. */
  module?: 'esm' | 'cjs';
  reporter?: Reporter;
  sites?: SiteFilter;
}

export default function balanceGates(file: FileInfo, api: API, options: BalanceGatesOptions): string | undefined | Promise<string | undefined> {
  // A plain `jscodeshift -t` run brings no config: work out what `billing-codemod apply` would pass.
  if (!options.config) return standaloneOptions<BalanceGatesOptions>('balance-gates', file.path).then((given) => (given ? balanceGates(file, api, given) : undefined));
  const reporter = reporterFor(api, file.path, options.reporter);
  if (!mayNeedGate(file.source, options)) return undefined;

  const j = api.jscodeshift;
  const root = j(file.source);
  const ast = root.get().node as t.File;
  const work = gateWork(ast, file.path, options);
  for (const lone of work.lone) reporter.skip(lone.line, lone.reason);
  if (work.handlers.length === 0) return undefined;

  const style = detectStyle(file.source);
  const planner = new ImportPlanner(ast, importSyntaxOf(ast, file.path, options.module));
  const gateFile: GateFile = { j, path: file.path, text: file.source, style, planner, billing: options.billing, reporter, options, nextResponse: nextResponseName(ast) };
  let changed = false;
  for (const handler of work.handlers) {
    const key = handler.handler.fn.start ?? 0;
    const verdict = siteVerdict(options.sites, key);
    if (verdict === 'leave') continue;
    reporter.site?.(key, lineOf(handler.handler.fn));
    changed = (typeof verdict === 'object' ? refuseHandler(handler, gateFile, verdict.refused) : gateHandler(handler, gateFile)) || changed;
  }
  if (!changed) return undefined;

  return printEdited(root, file, style, planner);
}

/** Text prefilter: a billable call, or a name of a billable helper, appears in the file. */
function mayNeedGate(text: string, options: BalanceGatesOptions): boolean {
  if ((mayHoldBillableCall(text, options.config) && !isGeneratedBillingModule(text))) return true;
  return (options.helpers ?? []).some((h) => mentionsHelper(text, h));
}

/** NextResponse's local name when the file imports it from next/server. */
function nextResponseName(ast: t.File): string | null {
  return collectImports(ast).find((i) => i.source === 'next/server' && i.imported === 'NextResponse' && !i.typeOnly)?.local ?? null;
}
