// Area billing-portal: one authenticated route (GET and POST) that opens Credyt's billing portal for the
// signed-in customer, so a new user whose wallet is empty has somewhere to add funds. The gates' 402 body
// then points at it (gates.topUpUrl in the config, TOP_UP_URL in the billing module).
import { posix } from 'node:path';
import { CONFIG_FILE } from '../config/types.js';
import { modifyFile } from '../plan/file-change.js';
import type { FileChange, Plan } from '../plan/types.js';
import { readProjectFile } from '../project/project.js';
import { isGeneratedBillingModule } from '../providers/marker.js';
import { findAccountSpot, insertChild } from './routes/account-page.js';
import { planRouteArea, typeErrors } from './routes/route-area.js';
import type { Area, AreaContext } from './types.js';

const DEFAULT_TOP_UP = '/billing';

export const billingPortalArea: Area = {
  name: 'billing-portal',
  plan: planBillingPortal,
};

function planBillingPortal(ctx: AreaContext): Plan {
  const { plan, url } = planRouteArea(ctx, 'billing-portal', 'portal');
  if (url) pointGatesAt(ctx, plan, url);
  if (url && plan.routes?.length) addLink(ctx, plan, url);
  return plan;
}

/** A "Billing" link on the account page or in the header, when the app has one; else the line to paste. */
function addLink(ctx: AreaContext, plan: Plan, url: string): void {
  const spot = findAccountSpot(ctx.pkg);
  const link = spot ? insertChild(ctx.pkg, spot, () => `<a href="${url}">Billing</a>`) : null;
  const failure = link ? typeErrors(ctx, plan, [...plan.changes, link]) : null;
  if (spot && link && !failure) {
    plan.changes.push(link);
    plan.notes.push(`a Billing link to ${url} was added to ${spot.what} (${spot.file})`);
    return;
  }
  const why = !spot ? 'no account page or header component was found' : failure ? `adding it to ${spot.file} would not type-check: ${failure}` : `${spot.file} could not be edited`;
  plan.notes.push(`link to it where signed-in users manage their account (${why}): <a href="${url}">Billing</a>, or a form that POSTs to ${url}`);
}

/**
 * gates.topUpUrl becomes the portal route when it is still the default, in the config and in the billing
 * module's TOP_UP_URL (so a 402 links to it without running balance-gates or client-setup again).
 */
function pointGatesAt(ctx: AreaContext, plan: Plan, url: string): void {
  const { info } = ctx.pkg;
  const current = ctx.config.gates.topUpUrl;
  if (current === url) return;
  if (current !== DEFAULT_TOP_UP) {
    plan.notes.push(`gates.topUpUrl is ${current}, set by you: kept (a 402 links there, not to ${url})`);
    return;
  }
  const configPath = info.path === '.' ? CONFIG_FILE : posix.join(info.path, CONFIG_FILE);
  const configText = readProjectFile(ctx.project, configPath);
  const config = configText === null ? null : modifyFile(configPath, configText, (lf) => setTopUpUrl(lf, url));
  if (config) plan.changes.push(config);
  const module = info.billing.module ? readProjectFile(ctx.project, info.billing.module) : null;
  const moduleChange = module !== null && info.billing.module && isGeneratedBillingModule(module) ? retargetModule(info.billing.module, module, url) : null;
  if (moduleChange) plan.changes.push(moduleChange);
  else plan.notes.push(`the billing module's TOP_UP_URL was not changed (${info.billing.module ? 'it is not the generated one, or no longer has the constant' : 'run client-setup: it takes gates.topUpUrl from the config'})`);
  plan.notes.push(`gates.topUpUrl is now ${url}: every 402 links to the portal route`);
}

function setTopUpUrl(lf: string, url: string): string {
  const raw = JSON.parse(lf) as Record<string, unknown>;
  raw.gates = { ...((raw.gates ?? {}) as Record<string, unknown>), topUpUrl: url };
  const indent = /^\{\n(\s+)"/.exec(lf)?.[1] ?? '  ';
  return `${JSON.stringify(raw, null, indent)}\n`;
}

function retargetModule(path: string, text: string, url: string): FileChange | null {
  return modifyFile(path, text, (lf) => {
    const next = lf.replace(/^(const TOP_UP_URL(?::\s*string)?\s*=\s*)(['"])[^'"\n]*\2/m, (_, head: string, quote: string) => `${head}${quote}${url}${quote}`);
    return next === lf ? null : next;
  });
}
