// Area cost-tracking: every usage event gains what its call cost you (`costs`), so Credyt reports margins.
// Writes the costs module next to the billing module (costOf and the price table for the app's vendors),
// then runs transforms/cost-tracking.ts on each file that sends usage events. Builds on usage-events.
import { posix } from 'node:path';
import costTracking, { type CostTrackingOptions } from '../../transforms/cost-tracking.js';
import { priceFile, PRICED_SDKS, STALE_AFTER_DAYS, tableAgeDays, vendorsIn, vendorsOf } from '../costs/price-table.js';
import type { BillingConfig } from '../config/types.js';
import type { PackageInfo } from '../detect/types.js';
import { createFile } from '../plan/file-change.js';
import { emptyPlan, type FileChange, type Plan } from '../plan/types.js';
import { readProjectFile } from '../project/project.js';
import { generateCostsModule, isGeneratedCostsModule } from '../providers/credyt/generate-costs.js';
import { isGeneratedBillingModule } from '../providers/marker.js';
import { billingImportFor, moduleSpecifier, siblingModulePath } from './module-location.js';
import { transformFiles } from './transform-files.js';
import { verifyFor } from './verify-edits.js';
import type { Area, AreaContext } from './types.js';

export const costTrackingArea: Area = {
  name: 'cost-tracking',
  plan: planCostTracking,
  fileOptions: (ctx) => costTrackingFiles(ctx).optionsFor,
};

async function planCostTracking(ctx: AreaContext): Promise<Plan> {
  const { info } = ctx.pkg;
  const plan = emptyPlan('cost-tracking', info.path);
  const vendors = vendorsIn(ctx.config);
  if (vendors.length === 0) {
    plan.notes.push('no configured event covers an OpenAI, Anthropic or Google call (directly or through the AI SDK or LangChain): the price table has nothing to price');
    return plan;
  }
  const modulePath = posix.join(info.path, costsModulePath(info, ctx.config));
  const generated = generateCostsModule({ ...emitOptionsFor(modulePath, info), config: ctx.config, vendors });
  const module = planCostsModule(plan, modulePath, readProjectFile(ctx.project, modulePath), generated, ctx.options.force === true);
  if (module === 'not ours') return plan;
  const verify = verifyFor(ctx, new Map([[modulePath, generated]]));
  const { files, optionsFor } = costTrackingFiles(ctx);
  await transformFiles(plan, ctx, files, costTracking, optionsFor, verify);
  const edited = plan.changes.length > 0;
  // A new module only comes with the edits that import it; a regenerated one (--force) comes alone too.
  if (module && (edited || module.action === 'modify')) plan.changes.unshift(module);
  if (edited) explain(ctx, plan, vendors);
  else if (files.length === 0) plan.manual.push({ message: 'no file sends usage events yet: run `billing-codemod apply usage-events` first, then this area again' });
  return plan;
}

/** The costs module is written in the billing module's language (its extension says which), whatever else the app has. */
function emitOptionsFor(path: string, info: PackageInfo): { language: 'ts' | 'js'; module: 'esm' | 'cjs' } {
  if (/\.[cm]?tsx?$/.test(path)) return { language: 'ts', module: 'esm' };
  return { language: 'js', module: path.endsWith('.cjs') ? 'cjs' : path.endsWith('.mjs') ? 'esm' : info.module };
}

export function costsModulePath(info: PackageInfo, config: BillingConfig): string {
  return siblingModulePath(info, config, 'costs');
}

/** The costs module's change, null when it is already as generated, 'not ours' when someone else's file is there. */
function planCostsModule(plan: Plan, path: string, existing: string | null, generated: string, force: boolean): FileChange | null | 'not ours' {
  if (existing === null) return createFile(path, generated);
  if (existing === generated) return null;
  if (!isGeneratedCostsModule(existing)) {
    plan.skipped.push({ path, reason: 'a file the toolkit did not generate is already there: no costs added (move it, or set paths.billingModule to put the billing modules elsewhere)' });
    return 'not ours';
  }
  if (force) return { path, action: 'modify', before: existing, after: generated };
  plan.notes.push(`${path} differs from what the current price table and config generate (your edits, or a newer table): kept; regenerate it with --force`);
  return null;
}

function costTrackingFiles({ project, pkg, config }: AreaContext): { files: string[]; optionsFor: (file: string) => CostTrackingOptions } {
  const { info } = pkg;
  // Config-named calls (`generateVideo`, no `sdk:` prefix) are no SDK: their events get no provider.
  const eventProviders = Object.fromEntries(config.events.map((e) => [e.type, [...new Set(e.calls.filter((c) => c.includes(':')).map((c) => c.split(':')[0]))]]));
  const optionsFor = (file: string): CostTrackingOptions => {
    const fromPackage = info.path === '.' ? file : posix.relative(info.path, file);
    const costs = moduleSpecifier(info, costsModulePath(info, config), fromPackage);
    return {
      billing: billingImportFor(project, info, config, file),
      costs: { source: costs, name: 'costOf' },
      eventProviders,
      priced: PRICED_SDKS,
      calls: info.billableCalls.filter((c) => c.file === file).map((c) => ({ line: c.line, provider: c.provider, call: c.call })),
      module: info.module,
    };
  };
  const files = pkg.ctx.sources.filter(([, text]) => text.includes('.trackUsage(') && !isGeneratedBillingModule(text)).map(([file]) => file);
  return { files, optionsFor };
}

function explain(ctx: AreaContext, plan: Plan, vendors: string[]): void {
  const table = priceFile();
  const age = tableAgeDays(table.takenAt);
  const ids = vendorsOf(ctx.config);
  plan.notes.push(`costs are priced with the toolkit's table of ${table.takenAt} (${table.source}); per-model overrides go in costs.prices in billing.config.json`);
  if (age > STALE_AFTER_DAYS) plan.notes.push(`the price table is ${age} days old: check \`billing-codemod prices\` against the vendors' pricing pages and override what changed in costs.prices`);
  const create = (vendor: string) =>
    `curl -X POST https://api.credyt.ai/vendors -H "X-CREDYT-API-KEY: $CREDYT_API_KEY" -H 'content-type: application/json' -d '{"name":"${vendor}","external_id":"${ids[vendor] ?? vendor}"}'`;
  plan.manual.push({
    message: `create the vendor${vendors.length > 1 ? 's' : ''} the costs name in Credyt (${vendors.map((v) => ids[v] ?? v).join(', ')}); older docs give the path as /events/vendors`,
    snippet: vendors.map(create).join('\n'),
  });
  const module = ctx.pkg.info.billing.module ? readProjectFile(ctx.project, ctx.pkg.info.billing.module) : null;
  if (module !== null && !module.includes('costs refused')) {
    plan.notes.push('the billing module predates cost tracking: should Credyt refuse a cost item, its event fails with it; `billing-codemod apply client-setup --force` regenerates it to resend such events without their costs');
  }
}
