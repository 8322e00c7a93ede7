// `verify`'s static checks: is the integration complete, as a CI step can ask after every change? Each check
// asks the areas themselves (planned without the type-check): an area that would still change something has
// work left, at the sites its plan lists. Sites a person was left (one TODO(billing-codemod) marker each)
// count as accepted unless --strict.
import { posix } from 'node:path';
import { importersOf } from '../analysis/importers.js';
import { inPackage, isTestPath, runtimeOf } from '../analysis/runtime.js';
import { planArea, type Workspace } from '../areas/run.js';
import { findArea } from '../areas/registry.js';
import { costsModulePath } from '../areas/cost-tracking.js';
import { webhookModulePath } from '../areas/routes/route-area.js';
import { providerOf } from '../providers/registry.js';
import { envExampleFile } from '../areas/client-setup/env-example.js';
import type { BillingConfig } from '../config/types.js';
import type { DetectedPackage } from '../detect/stack.js';
import type { Plan } from '../plan/types.js';
import { readProjectFile } from '../project/project.js';

export interface Location {
  path: string;
  line?: number;
}

export interface Check {
  name: string;
  /** 'skip': the area was not applied and is optional (webhooks, cost tracking). */
  status: 'pass' | 'fail' | 'skip';
  detail: string;
  locations: Location[];
}

export async function staticChecks(ws: Workspace, pkg: DetectedPackage, config: BillingConfig, strict = false): Promise<Check[]> {
  const plan = async (name: string): Promise<Plan> => planArea((await findArea(name))!, ws, pkg, config, { verify: false, listSites: true });
  const provider = providerOf(config);
  // An area the provider cannot do is not a gap: it is skipped, with the provider's reason.
  const checkArea = async (name: string, area: string, what: string): Promise<Check> => {
    const unsupported = provider.unsupported(area, config);
    return unsupported ? { name, status: 'skip', detail: unsupported, locations: [] } : areaCheck(name, await plan(area), what, strict);
  };
  const keys = provider.env.map((e) => e.name).join(', ');
  const { info } = pkg;
  const checks: Check[] = [];
  const setup = await plan('client-setup');
  const module = info.billing.module;
  checks.push(
    module
      ? { name: 'billing module', status: 'pass', detail: `${module} (generated)`, locations: [] }
      : { name: 'billing module', status: 'fail', detail: 'no generated billing module: run `billing-codemod apply client-setup`', locations: [] },
  );
  const envFile = envExampleFile(info);
  const env = setup.changes.filter((c) => c.path === envFile);
  checks.push(
    env.length === 0
      ? { name: 'env example names the keys', status: 'pass', detail: `${keys} listed`, locations: [] }
      : { name: 'env example names the keys', status: 'fail', detail: `${env.map((c) => c.path).join(', ')} lacks ${keys}: run \`billing-codemod apply client-setup\``, locations: env.map((c) => ({ path: c.path })) },
  );
  if (module) checks.push(serverOnly(pkg, module));
  checks.push(await checkArea('customers created at signup', 'customers', 'signup'));
  checks.push(await checkArea('billable calls metered', 'usage-events', 'billable call'));
  checks.push(await checkArea('billable calls gated', 'balance-gates', 'billable call'));
  const webhooks = posix.join(info.path, webhookModulePath(info, config));
  const webhookText = readProjectFile(ws.project, webhooks);
  if (webhookText === null) checks.push({ name: 'webhooks verify signatures', status: 'skip', detail: 'webhooks not applied', locations: [] });
  else {
    const route = await plan('webhooks');
    const verifies = webhookText.includes('verifyWebhook(');
    const ok = verifies && route.changes.length === 0;
    const why = !verifies ? `${webhooks} no longer calls verifyWebhook` : `the webhook route is missing: run \`billing-codemod apply webhooks\``;
    checks.push({ name: 'webhooks verify signatures', status: ok ? 'pass' : 'fail', detail: ok ? `${webhooks} checks Credyt-Signature` : why, locations: [{ path: webhooks }] });
  }
  const costs = posix.join(info.path, costsModulePath(info, config));
  if (readProjectFile(ws.project, costs) === null) checks.push({ name: 'usage events carry costs', status: 'skip', detail: 'cost-tracking not applied', locations: [] });
  else checks.push(areaCheck('usage events carry costs', await plan('cost-tracking'), 'usage event', strict, true));
  return checks;
}

/** The billing module holds the API key: no browser, edge or test code may import it. */
function serverOnly(pkg: DetectedPackage, module: string): Check {
  const next = pkg.info.framework === 'next';
  const wrong = importersOf(pkg.ctx, module).flatMap((file) => {
    const rel = inPackage(pkg.info.path, file);
    if (isTestPath(rel)) return [{ path: file, why: 'test code' }];
    const where = runtimeOf(rel, pkg.ctx.text(file) ?? '', next);
    return where.runtime === 'server' ? [] : [{ path: file, why: `${where.runtime} code` }];
  });
  if (wrong.length === 0) return { name: 'billing module only in server code', status: 'pass', detail: 'no browser, edge or test code imports it', locations: [] };
  return { name: 'billing module only in server code', status: 'fail', detail: wrong.map((w) => `${w.path} (${w.why})`).join(', '), locations: wrong.map((w) => ({ path: w.path })) };
}

/** An area's plan read as a check: sites it would still edit fail; sites left to a person pass as accepted (fail with --strict). */
function areaCheck(name: string, plan: Plan, what: string, strict: boolean, skipsAreAccepted = false): Check {
  const missing = plan.sites ?? plan.changes.map((c) => ({ path: c.path }));
  const marked = plan.manual.filter((m) => m.path && m.line !== undefined).map((m) => ({ path: m.path as string, line: m.line }));
  if (missing.length > 0) {
    return { name, status: 'fail', detail: `${missing.length} ${what}(s) without it: run \`billing-codemod apply ${plan.area}\``, locations: missing };
  }
  const skipped = skipsAreAccepted ? [] : plan.skipped.filter((s) => s.line !== undefined && !marked.some((m) => m.path === s.path && m.line === s.line));
  const left = [...marked, ...skipped.map((s) => ({ path: s.path, line: s.line }))];
  if (left.length === 0) return { name, status: 'pass', detail: 'every one is done', locations: [] };
  const detail = `${left.length} ${what}(s) left to a person (each with its reason and a TODO(billing-codemod) marker)${strict ? '' : ': accepted'}`;
  return { name, status: strict ? 'fail' : 'pass', detail, locations: left };
}
