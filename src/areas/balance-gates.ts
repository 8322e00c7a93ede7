// Area balance-gates: a balance check before the first billable call of every request, answering 402 in
// the framework's own way when the wallet cannot pay (Credyt lets wallets go negative, so the app refuses).
// Plans on the whole package first — handlers routed from other files, helpers that make billable calls —
// then runs transforms/balance-gates.ts on each file that may need a gate.
import balanceGates, { type BalanceGatesOptions } from '../../transforms/balance-gates.js';
import { mayHoldBillableCall } from '../detect/billable-calls.js';
import { isGeneratedBillingModule } from '../providers/marker.js';
import { emptyPlan, type Plan } from '../plan/types.js';
import { findBillableHelpers, type HelperIndex } from './gates/find-helpers.js';
import { mentionsHelper } from './helper-calls.js';
import { billingImportFor, billingModulePath } from './module-location.js';
import { packageSiteOptions } from './site-options.js';
import { transformFiles } from './transform-files.js';
import { leftForNoIdentity } from './no-identity.js';
import { verifyFor } from './verify-edits.js';
import type { Area, AreaContext } from './types.js';

export const balanceGatesArea: Area = {
  name: 'balance-gates',
  plan: planBalanceGates,
  fileOptions: (ctx) => balanceGatesFiles(ctx).optionsFor,
};

async function planBalanceGates(ctx: AreaContext): Promise<Plan> {
  const { pkg, config } = ctx;
  const { info } = pkg;
  const plan = emptyPlan('balance-gates', info.path);
  if (leftForNoIdentity(plan, info)) return plan;
  const verify = verifyFor(ctx);
  const { files, optionsFor } = balanceGatesFiles(ctx);
  await transformFiles(plan, ctx, files, balanceGates, optionsFor, verify);
  const gated = plan.changes.some((c) => count(c.after, '.checkBalance(') > count(c.before ?? '', '.checkBalance('));
  if (gated) plan.notes.push(...notesFor(info.billing.module, billingModulePath(info, config), config.events));
  return plan;
}

/** The files that may need a gate and each one's options, from package-wide facts (routed handlers, billable helpers). */
function balanceGatesFiles({ project, pkg, config, style }: AreaContext): { files: string[]; optionsFor: (file: string) => BalanceGatesOptions } {
  const { info } = pkg;
  const siteOptions = packageSiteOptions(pkg, config);
  const index = findBillableHelpers(pkg, siteOptions);
  const optionsFor = (file: string): BalanceGatesOptions => ({
    ...siteOptions(file),
    helpers: index.helpers,
    reachedHelpers: index.reached,
    billing: billingImportFor(project, info, config, file),
    frameworkVersion: info.frameworkVersion,
    module: info.module,
    lint: style?.lint,
  });
  return { files: candidateFiles(pkg.ctx.sources, config, index), optionsFor };
}

/** Files that may hold a billable call or call a billable helper (a text test; the transform decides). */
function candidateFiles(sources: Array<[string, string]>, config: AreaContext['config'], index: HelperIndex): string[] {
  return sources.filter(([, text]) => (mayHoldBillableCall(text, config) && !isGeneratedBillingModule(text)) || index.helpers.some((h) => mentionsHelper(text, h))).map(([file]) => file);
}

function notesFor(existingModule: string | null, modulePath: string, events: AreaContext['config']['events']): string[] {
  const notes: string[] = [];
  if (!existingModule) notes.push(`the gates import the billing module (${modulePath}), which is not there yet: run \`billing-codemod apply client-setup\` first`);
  const placeholders = events.filter((e) => e.estimateReviewed === false).map((e) => e.type);
  if (placeholders.length) {
    notes.push(`the estimates the gates check for ${placeholders.join(', ')} are placeholders (estimateReviewed: false in billing.config.json): set each to what one call really costs`);
  }
  notes.push("a gate refuses when the wallet's available balance is at or below zero or below the estimate; when the billing API is unreachable, gates.onUnavailable in billing.config.json decides (default: allow and log)");
  return notes;
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

