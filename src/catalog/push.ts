// `products push`: the config's assets, vendors and products created in Credyt (or the sandbox), the exact
// payloads shown first. Idempotent: what exists is compared, not overwritten — a product whose prices changed
// gets a new version, published and made the default; an asset that differs is reported (assets cannot be
// changed afterwards). Then one simulated event per usage price, its fee next to what the config's price says.
import { randomUUID } from 'node:crypto';
import type { BillingConfig, PriceDefinition, ProductConfig } from '../config/types.js';
import { vendorsIn, vendorsOf } from '../costs/price-table.js';
import { priceEvent } from '../sandbox/pricing.js';
import type { Product } from '../sandbox/types.js';
import type { CatalogApi } from './api.js';

export interface PushStep {
  method: 'POST' | 'PATCH';
  path: string;
  body: unknown;
  /** What the step does, for the preview (`create product ai_usage`). */
  what: string;
}

export interface PushPlan {
  steps: PushStep[];
  /** What already matches the config. */
  unchanged: string[];
  /** What differs and cannot be changed by pushing. */
  problems: string[];
}

export interface Simulation {
  product: string;
  price: string;
  eventType: string;
  data: Record<string, unknown>;
  /** The fee the API computed, per asset, or null when the simulation could not run. */
  fee: Array<{ asset: string; amount: number }> | null;
  expected: Array<{ asset: string; amount: number }>;
  ok: boolean;
}

/** What pushing would do, from what the API already has. Only reads. */
export async function planPush(api: CatalogApi, config: BillingConfig): Promise<PushPlan> {
  const plan: PushPlan = { steps: [], unchanged: [], problems: [] };
  for (const asset of config.assets ?? []) {
    const found = await api.get(`/assets/${encodeURIComponent(asset.code)}`);
    if (found.status === 404) plan.steps.push({ method: 'POST', path: '/assets', body: asset, what: `create asset ${asset.code}` });
    else if (!contains(found.body, asset)) plan.problems.push(`asset ${asset.code} exists with other settings than the config's (assets cannot be changed): ${JSON.stringify(found.body)}`);
    else plan.unchanged.push(`asset ${asset.code}`);
  }
  const ids = vendorsOf(config);
  for (const vendor of vendorsIn(config)) {
    const externalId = ids[vendor] ?? vendor;
    const found = await api.get(`/vendors?external_id=${encodeURIComponent(externalId)}`);
    if (found.status === 200 && itemsOf(found.body).some((v) => (v as { external_id?: string }).external_id === externalId)) plan.unchanged.push(`vendor ${externalId}`);
    else plan.steps.push({ method: 'POST', path: '/vendors', body: { name: vendor, external_id: externalId }, what: `create vendor ${externalId}` });
  }
  for (const product of config.products) await planProduct(api, product, plan);
  return plan;
}

async function planProduct(api: CatalogApi, product: ProductConfig, plan: PushPlan): Promise<void> {
  const found = itemsOf((await api.get(`/products?code=${encodeURIComponent(product.code)}`)).body).find((p) => (p as Product).code === product.code) as (Product & { id: string; prices?: PriceDefinition[] }) | undefined;
  if (!product.prices) {
    if (found) plan.unchanged.push(`product ${product.code} (the config gives no prices: used as it is)`);
    else plan.problems.push(`product ${product.code} does not exist and the config gives no prices to create it with`);
    return;
  }
  const definition = { name: product.name ?? product.code, code: product.code, ...(product.description ? { description: product.description } : {}), prices: product.prices };
  if (!found) {
    plan.steps.push({ method: 'POST', path: '/products', body: { ...definition, publish: true }, what: `create product ${product.code} (published)` });
    return;
  }
  if (contains(found.prices ?? [], product.prices)) {
    plan.unchanged.push(`product ${product.code}`);
    return;
  }
  // A changed price is a new version, never an edit of the one customers are subscribed to.
  plan.steps.push({ method: 'POST', path: `/products/${found.id}`, body: { ...definition, publish: true, make_default: true }, what: `new version of product ${product.code} (its prices changed), published as the default` });
}

/** Runs the steps in order; a vendor path Credyt answers 404 for is tried at /events/vendors (the docs give both). */
export async function runPush(api: CatalogApi, plan: PushPlan): Promise<Array<{ step: PushStep; status: number; body: unknown }>> {
  const done: Array<{ step: PushStep; status: number; body: unknown }> = [];
  for (const step of plan.steps) {
    let answer = await api.send(step.method, step.path, step.body);
    if (answer.status === 404 && step.path === '/vendors') answer = await api.send(step.method, '/events/vendors', step.body);
    done.push({ step, ...answer });
    if (answer.status >= 300) throw new Error(`${step.method} ${step.path} (${step.what}) answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return done;
}

/** One event per usage price of each product the config prices, simulated on its default version. */
export async function simulatePrices(api: CatalogApi, config: BillingConfig): Promise<Simulation[]> {
  const results: Simulation[] = [];
  for (const product of config.products) {
    const found = itemsOf((await api.get(`/products?code=${encodeURIComponent(product.code)}`)).body).find((p) => (p as Product).code === product.code) as { id: string } | undefined;
    for (const price of product.prices ?? []) {
      const calc = price.usage_calculation;
      if (price.type !== 'usage_based' || !calc) continue;
      const data = sampleData(price);
      const expected = expectedFees(price, data);
      let fee: Simulation['fee'] = null;
      if (found) {
        const event = { id: randomUUID(), event_type: calc.event_type, occurred_at: new Date().toISOString(), data };
        const answer = await api.send('POST', `/products/${found.id}/default/simulate-usage`, { events: [event] });
        const fees = (answer.body as { events?: Array<{ fees?: Array<{ asset: string; amount: number }> }> })?.events?.[0]?.fees;
        fee = answer.status < 300 && Array.isArray(fees) ? fees.map((f) => ({ asset: f.asset, amount: f.amount })) : null;
      }
      const ok = fee !== null && sameFees(fee, expected);
      results.push({ product: product.code, price: price.name, eventType: calc.event_type, data, fee, expected, ok });
    }
  }
  return results;
}

/** What the config's price charges for an event with this data (the sandbox's pricing, on the price alone). */
export function expectedFees(price: PriceDefinition, data: Record<string, unknown>): Array<{ asset: string; amount: number }> {
  const event = { event_type: price.usage_calculation?.event_type ?? '', data };
  const line = { product: { id: 'config', code: 'config' } as Product, version: { version: 0, published: true, prices: [price], entitlements: [], created_at: '' } };
  return priceEvent(event, [line]).fees.map((f) => ({ asset: f.asset, amount: f.amount }));
}

/** A realistic event for a price: 1,000 of its volume, and its first dimensional value's dimensions. */
export function sampleData(price: PriceDefinition): Record<string, unknown> {
  const calc = price.usage_calculation!;
  const data: Record<string, unknown> = {};
  if (calc.usage_type !== 'unit' && calc.volume_field) data[calc.volume_field] = 1000;
  const dimensional = price.pricing.flatMap((line) => line.values).find((value) => 'dimensions' in value);
  if (dimensional && 'dimensions' in dimensional) Object.assign(data, dimensional.dimensions);
  return data;
}

export function sameFees(a: Array<{ asset: string; amount: number }>, b: Array<{ asset: string; amount: number }>): boolean {
  const key = (fees: Array<{ asset: string; amount: number }>) => JSON.stringify([...fees].sort((x, y) => x.asset.localeCompare(y.asset)).map((f) => [f.asset, Math.round(f.amount * 1e9)]));
  return key(a) === key(b);
}

function itemsOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  const items = (body as { items?: unknown; data?: unknown } | null)?.items ?? (body as { data?: unknown } | null)?.data;
  return Array.isArray(items) ? items : body && typeof body === 'object' && 'code' in body ? [body] : [];
}

/** Whether `actual` says everything `wanted` says (the API may add ids, defaults and timestamps). */
export function contains(actual: unknown, wanted: unknown): boolean {
  if (Array.isArray(wanted)) return Array.isArray(actual) && actual.length === wanted.length && wanted.every((w, i) => contains(actual[i], w));
  if (wanted && typeof wanted === 'object') {
    if (!actual || typeof actual !== 'object') return false;
    return Object.entries(wanted).every(([k, v]) => v === undefined || contains((actual as Record<string, unknown>)[k], v));
  }
  return actual === wanted;
}
