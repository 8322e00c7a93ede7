// Area usage-events: a usage event after every billable call detection found or the config names, read
// from the call's own result and sent for the signed-in user, so the customer is billed in real time.
// Plans on the whole package first (site-options.ts: handlers routed from other files, where the app's
// session getters keep the id; then helpers that make billable calls without seeing the user), then runs
// transforms/usage-events.ts on every file that makes a billable call or calls such a helper.
import { join, posix } from 'node:path';
import usageEvents from '../../transforms/usage-events.js';
import { installedVersion } from '../detect/package-facts.js';
import { emptyPlan, type Plan } from '../plan/types.js';
import { readProjectFile } from '../project/project.js';
import { billingImportFor, billingModulePath } from './module-location.js';
import { packageSiteOptions } from './site-options.js';
import { transformFiles } from './transform-files.js';
import { leftForNoIdentity } from './no-identity.js';
import { verifyFor } from './verify-edits.js';
import type { Area, AreaContext } from './types.js';
import { LATEST_MAJORS, type SdkMajors } from './usage/event-data.js';
import type { UsageEventsOptions } from './usage/file-edit.js';
import { mentionsHelper } from './helper-calls.js';
import { planHelpers } from './usage/helper-plan.js';

export const usageEventsArea: Area = {
  name: 'usage-events',
  plan: planUsageEvents,
  fileOptions: (ctx) => usageEventsFiles(ctx).optionsFor,
};

async function planUsageEvents(ctx: AreaContext): Promise<Plan> {
  const { pkg, config } = ctx;
  const { info } = pkg;
  const plan = emptyPlan('usage-events', info.path);
  if (config.events.length === 0) {
    plan.notes.push('billing.config.json names no events: add one per kind of billable call (billing-codemod init writes them)');
    return plan;
  }
  if (leftForNoIdentity(plan, info)) return plan;
  for (const k of info.accounts.ownKeys) {
    plan.notes.push(`${k.file}:${k.line} builds a client with the user's own key (${k.what}): the provider bills the user for those calls, so consider not sending usage events for them`);
  }
  const verify = verifyFor(ctx);
  const { files, optionsFor } = usageEventsFiles(ctx);
  await transformFiles(plan, ctx, files, usageEvents, optionsFor, verify);
  if (plan.changes.length && !info.billing.module) {
    plan.notes.push(`the events go through the billing module (${billingModulePath(info, config)}), which is not there yet: run \`billing-codemod apply client-setup\` first`);
  }
  return plan;
}

/** The files to meter (billable calls, and callers of helpers that make them) and each one's options, from package-wide facts. */
function usageEventsFiles({ project, pkg, config, style }: AreaContext): { files: string[]; optionsFor: (file: string) => UsageEventsOptions } {
  const { info } = pkg;
  const billable = [...new Set(info.billableCalls.map((c) => c.file))];
  const siteOptions = packageSiteOptions(pkg, config);
  const helpers = planHelpers(pkg, billable, siteOptions);
  const majors = sdkMajors(project.dir, info.path, info.dependencies, readProjectFile(project, posix.join(info.path, 'package.json')));
  const optionsFor = (file: string): UsageEventsOptions => ({
    ...siteOptions(file),
    billing: billingImportFor(project, info, config, file),
    module: info.module,
    nextVersion: info.framework === 'next' ? info.frameworkVersion : null,
    pagesRouter: info.router === 'pages' || info.router === 'app+pages',
    majors,
    helpers,
    lint: style?.lint,
  });
  const callers = pkg.ctx.sources.filter(([file, text]) => !billable.includes(file) && helpers.some((h) => mentionsHelper(text, h))).map(([file]) => file);
  return { files: [...billable, ...callers].sort(), optionsFor };
}

/** The installed major of the SDKs whose result fields changed between majors (else the declared range, else the latest). */
function sdkMajors(root: string, pkgPath: string, dependencies: string[], packageJson: string | null): SdkMajors {
  const declared = (name: string): string | undefined => {
    try {
      const json = JSON.parse(packageJson ?? '{}') as Record<string, Record<string, string> | undefined>;
      return json.dependencies?.[name] ?? json.devDependencies?.[name];
    } catch {
      return undefined;
    }
  };
  const major = (name: keyof SdkMajors): number => {
    if (!dependencies.includes(name)) return LATEST_MAJORS[name];
    const version = installedVersion(join(root, pkgPath), root, name, declared(name));
    const m = version ? /^(\d+)\./.exec(version) : null;
    return m ? Number(m[1]) : LATEST_MAJORS[name];
  };
  return { ai: major('ai') };
}
