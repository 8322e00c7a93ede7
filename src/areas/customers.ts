// Area `customers`: when a person signs up, create the matching billing customer (external id = the app's
// user id, subscribed to the configured products) right after the app creates the user. Sites come from the
// config's customers.signup when set, else from detection: auth-library hooks (preferred: they also see
// OAuth sign-ins) and routes that create users themselves (both get the call; ensureCustomer is get-or-create).
import type { Plan } from '../plan/types.js';
import { emptyPlan } from '../plan/types.js';
import { lineOf } from '../ast/nodes.js';
import { findAuthHooks } from '../detect/auth-hooks.js';
import { notSignupReason } from '../detect/signup-handlers.js';
import { findUserCreations, type UserCreation } from '../detect/user-creation.js';
import { serviceTarget } from './customers/service-target.js';
import { describeRoute } from '../frameworks/types.js';
import transformer from '../../transforms/customers.js';
import { configuredTargets } from './customers/config-signup.js';
import { accountNotes, BOTH_COVERED, FIRST_USE_COVERS, fixedFeeProducts, noSignupStep, paymentNote, storeIdNote } from './customers/notes.js';
import { NO_IDENTITY } from '../detect/accounts.js';
import { hookTarget, signupRouteTargets, type FileTarget } from './customers/targets.js';
import type { CustomersOptions, SignupTarget } from './customers/types.js';
import { billingImportFor } from './module-location.js';
import { transformFiles } from './transform-files.js';
import { verifyFor } from './verify-edits.js';
import type { Area, AreaContext } from './types.js';
import { lazyTypeFacts } from '../analysis/type-facts.js';

export const customersArea: Area = {
  name: 'customers',
  async plan(ctx) {
    const plan = emptyPlan('customers', ctx.pkg.info.path);
    plan.notes.push(...accountNotes(ctx.pkg.info));
    const entity = ctx.config.customers.entity ?? 'user';
    if (entity !== 'user') {
      if (ctx.config.customers.createOnFirstUse === false) plan.manual.push({ message: `customers.entity is "${entity}" and createOnFirstUse is off: create the billing customer where the app creates each ${entity} (await billing.ensureCustomer({ externalId: ${entity}.id, name: ${entity}.name }))` });
      else plan.notes.push(`customers.entity is "${entity}": each ${entity} becomes a billing customer at its first balance check or usage event (createOnFirstUse), so signup is left as it is`);
      return plan;
    }
    // Before the analysis builds the type program: the files the verification puts in place join it.
    const verify = verifyFor(ctx);
    const { found, optionsFor } = signupSites(ctx, plan);
    if (found.length === 0) {
      const covered = !ctx.config.customers.signup && ctx.config.customers.createOnFirstUse !== false;
      if (!ctx.pkg.info.accounts.identity) plan.notes.push(NO_IDENTITY);
      else if (covered && plan.manual.length === 0) plan.notes.push(FIRST_USE_COVERS);
      else if (plan.manual.length === 0) plan.manual.push(noSignupStep(ctx.pkg.info));
      return plan;
    }
    await transformFiles(plan, ctx, new Set(found.map((f) => f.file)), transformer, optionsFor, verify);
    addNotes(ctx, plan, found, fixedFeeProducts(ctx.config));
    return plan;
  },
  // Reports (skipped routes, notes) are the plan's; a standalone run only needs each file's sites.
  fileOptions: (ctx) => signupSites(ctx, emptyPlan('customers', ctx.pkg.info.path)).optionsFor,
};

/** The signup sites (from the config when it names one, else detection) and each file's transform options. */
function signupSites(ctx: AreaContext, plan: Plan): { found: FileTarget[]; optionsFor: (file: string) => CustomersOptions } {
  const found = ctx.config.customers.signup ? fromConfig(ctx, plan) : fromDetection(ctx, plan);
  const byFile = new Map<string, SignupTarget[]>();
  for (const { file, target } of found) byFile.set(file, [...(byFile.get(file) ?? []), target]);
  const payment = fixedFeeProducts(ctx.config).length > 0;
  return { found, optionsFor: (file) => optionsFor(ctx, file, byFile.get(file) ?? [], payment) };
}

function fromConfig(ctx: AreaContext, plan: Plan): FileTarget[] {
  const { targets, manual } = configuredTargets(ctx);
  plan.manual.push(...manual);
  if (targets.length) plan.notes.push(`Signup sites come from customers.signup in billing.config.json (${ctx.config.customers.signup?.file}); detection was not used.`);
  return targets;
}

function fromDetection(ctx: AreaContext, plan: Plan): FileTarget[] {
  const out: FileTarget[] = [];
  const hooks = findAuthHooks(ctx.pkg.ctx);
  for (const hook of hooks) {
    const result = hookTarget(hook);
    if ('skip' in result) plan.notes.push(result.skip);
    else out.push(result);
  }
  const routes = ctx.pkg.signupRoutes();
  const elsewhere = (target: FileTarget, creation: UserCreation) => serviceTarget(ctx.pkg.ctx, target.file, creation, target.target.label);
  out.push(...signupRouteTargets(routes, hooks, plan.notes, elsewhere));
  // Routes that create users but are not signup (login, OAuth callbacks, admin): said so, left alone.
  for (const route of routes) {
    const reason = route.fn ? notSignupReason(route) : null;
    if (reason && route.fn && findUserCreations(route.fn, route.fnAncestors).length) {
      plan.skipped.push({ path: route.ref?.file ?? route.file, line: lineOf(route.fn), reason: `${describeRoute(route)} creates users but is not signup: ${reason}` });
    }
  }
  return out;
}

function optionsFor(ctx: AreaContext, file: string, targets: SignupTarget[], payment: boolean): CustomersOptions {
  const { info } = ctx.pkg;
  const billing = billingImportFor(ctx.project, info, ctx.config, file);
  return {
    targets,
    framework: info.framework,
    billingImport: billing.source,
    isBillingImport: billing.sameModule,
    module: info.module,
    payment,
    onError: ctx.config.customers.onError ?? 'log',
    types: lazyTypeFacts(() => ctx.pkg.ctx.typeProgram(), file),
  };
}

function addNotes(ctx: AreaContext, plan: Plan, found: FileTarget[], payment: string[]): void {
  const edited = new Set(plan.changes.map((c) => c.path));
  const hooks = found.filter((f) => f.target.kind !== 'handler' && edited.has(f.file));
  const routes = found.filter((f) => f.target.kind === 'handler' && edited.has(f.file));
  if (hooks.length && routes.length) plan.notes.push(BOTH_COVERED);
  if (plan.changes.length === 0) return;
  const store = storeIdNote(ctx.pkg.info);
  if (store) plan.notes.push(store);
  if (payment.length) plan.notes.push(paymentNote(payment));
}
