// Subscribing customers to products: validating the request, provisioning wallet accounts, pending
// subscriptions that wait for a fixed-fee payment, activation (entitlements + `subscription.activated`),
// and the customer and subscription views.
import { assetsOf, findProduct, findVersion, needsPayment } from './catalog.js';
import type { Core } from './context.js';
import { newId } from './ids.js';
import { adjust, ensureAccount } from './ledger.js';
import type { Customer, Product, ProductVersion, State, SubscribedProduct, Subscription } from './types.js';
import { type Checker, type Json, field, item } from './validate.js';

export interface SubscriptionPlan {
  lines: Array<{ product: Product; version: ProductVersion }>;
  return_url: string | null;
  failure_url: string | null;
  redirect_to: string | null;
}

/** Validates `subscriptions` of POST /customers; unknown codes are reported at `subscriptions[i].products[j].code`. */
export function parsePlans(value: unknown, v: Checker, state: State, path = 'subscriptions'): SubscriptionPlan[] {
  const plans: SubscriptionPlan[] = [];
  (v.array(value, path) ?? []).forEach((entry, i) => {
    const at = item(path, i);
    const body = v.object(entry, at, { required: true });
    if (!body) return;
    const plan: SubscriptionPlan = {
      lines: [],
      return_url: v.url(body.return_url, field(at, 'return_url')) ?? null,
      failure_url: v.url(body.failure_url, field(at, 'failure_url')) ?? null,
      redirect_to: v.string(body.redirect_to, field(at, 'redirect_to')) ?? null,
    };
    (v.array(body.products, field(at, 'products'), { required: true, nonEmpty: true }) ?? []).forEach((line, j) => {
      const linePath = item(field(at, 'products'), j);
      const ref = v.object(line, linePath, { required: true });
      if (!ref) return;
      const code = v.string(ref.code, field(linePath, 'code'), { required: true });
      if (ref.version !== undefined && ref.version !== 'default' && !(typeof ref.version === 'number' && Number.isInteger(ref.version))) {
        v.wrongType(field(linePath, 'version'), 'must be a version number or "default"');
        return;
      }
      if (code === undefined) return;
      const product = state.products.find((candidate) => candidate.code === code);
      if (!product) return v.invalid(field(linePath, 'code'), `no product with code "${code}"`);
      const version = findVersion(product, ref.version);
      if (!version) return v.invalid(ref.version === undefined ? field(linePath, 'code') : field(linePath, 'version'), `product "${code}" has no ${ref.version === undefined || ref.version === 'default' ? 'default (published) version' : `version ${String(ref.version)}`}`);
      if (!version.published) return v.invalid(field(linePath, 'version'), `version ${version.version} of product "${code}" is not published`);
      plan.lines.push({ product, version });
    });
    plans.push(plan);
  });
  return plans;
}

/** Adds the planned subscriptions (and their wallet accounts); returns those active at once. */
export function subscribe(core: Core, customer: Customer, plans: SubscriptionPlan[]): Subscription[] {
  const now = core.iso();
  const activated: Subscription[] = [];
  for (const plan of plans) {
    const pending = plan.lines.some((line) => needsPayment(line.version));
    const subscription: Subscription = {
      id: newId('sub'),
      status: pending ? 'pending' : 'active',
      products: plan.lines.map(({ product, version }) => ({ id: product.id, code: product.code, version: version.version })),
      return_url: plan.return_url,
      failure_url: plan.failure_url,
      redirect_to: plan.redirect_to,
      created_at: now,
      started_at: pending ? null : now,
    };
    customer.subscriptions.push(subscription);
    for (const line of plan.lines) for (const asset of assetsOf(line.version)) ensureAccount(core.state, customer.id, asset);
    if (!pending) {
      grantEntitlements(core, customer, subscription);
      activated.push(subscription);
    }
  }
  return activated;
}

/** A pending subscription was paid: it becomes active now. Returns false when it already was. */
export function activate(core: Core, customer: Customer, subscription: Subscription): boolean {
  if (subscription.status === 'active') return false;
  subscription.status = 'active';
  subscription.started_at = core.iso();
  grantEntitlements(core, customer, subscription);
  return true;
}

/** Call after commit: tells registered webhooks about each newly active subscription. */
export function announce(core: Core, customer: Customer, subscriptions: Subscription[]): void {
  for (const subscription of subscriptions) {
    core.emit('subscription.activated', { customer_id: customer.id, subscription_id: subscription.id, occurred_at: subscription.started_at });
  }
}

/** Entitlements with an `asset` and `amount` are credited once, when the subscription activates. */
function grantEntitlements(core: Core, customer: Customer, subscription: Subscription): void {
  for (const line of subscription.products) {
    subscribedVersion(core.state, line)?.version.entitlements.forEach((entitlement, index) => {
      const { asset, amount } = entitlement;
      if (typeof asset !== 'string' || typeof amount !== 'number' || amount <= 0) return;
      adjust(
        core.state,
        customer.id,
        {
          transaction_id: `entitlement:${subscription.id}:${line.code}:${index}`,
          asset,
          amount,
          reason: 'entitlement',
          description: typeof entitlement.name === 'string' ? entitlement.name : `Entitlement of ${line.code}`,
        },
        core.iso(),
      );
    });
  }
}

/** Active subscriptions' product versions: what an event is priced against. */
export function activeLines(state: State, customer: Customer): Array<{ product: Product; version: ProductVersion }> {
  const lines: Array<{ product: Product; version: ProductVersion }> = [];
  for (const subscription of customer.subscriptions) {
    if (subscription.status !== 'active') continue;
    for (const line of subscription.products) {
      const found = subscribedVersion(state, line);
      if (found) lines.push(found);
    }
  }
  return lines;
}

function subscribedVersion(state: State, line: SubscribedProduct): { product: Product; version: ProductVersion } | undefined {
  const product = findProduct(state, line.id);
  const version = product?.versions.find((entry) => entry.version === line.version);
  return product && version ? { product, version } : undefined;
}

export function subscriptionView(core: Core, customer: Customer, subscription: Subscription): Json {
  const view: Json = {
    id: subscription.id,
    status: subscription.status === 'pending' ? core.quirks.pendingStatus : 'active',
    products: subscription.products,
    started_at: subscription.started_at,
  };
  if (subscription.status === 'pending') view.required_actions = [{ type: 'payment', redirect_url: core.payLink(customer, subscription) }];
  return view;
}

export function customerView(core: Core, customer: Customer): Json {
  return {
    id: customer.id,
    external_id: customer.external_id,
    name: customer.name,
    email: customer.email,
    created_at: customer.created_at,
    external_accounts: [],
    subscriptions: customer.subscriptions.map((subscription) => subscriptionView(core, customer, subscription)),
  };
}
