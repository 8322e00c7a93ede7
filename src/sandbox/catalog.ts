// Assets and products: validating their definitions (shared by POST /assets, POST /products and config
// seeding), creating them, and the JSON views the API returns.
import type { PriceDefinition } from '../config/types.js';
import { newId } from './ids.js';
import type { Asset, Entitlement, Product, ProductVersion, State } from './types.js';
import { type Checker, type Json, field, item } from './validate.js';

/** Fiat currencies exist without being created, as in Credyt ("you can skip asset creation" for USD). */
const FIAT = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'NZD', 'JPY', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'SGD', 'HKD', 'INR', 'BRL', 'MXN', 'ZAR'];

export function isKnownAsset(state: State, code: string): boolean {
  return FIAT.includes(code) || state.assets.some((asset) => asset.code === code);
}

export function findAsset(state: State, code: string): Asset | undefined {
  const created = state.assets.find((asset) => asset.code === code);
  if (created || !FIAT.includes(code)) return created;
  return { code, name: code, precision: 2, symbol: null, label: null, rates: [], created_at: '1970-01-01T00:00:00.000Z' };
}

// ---- assets -------------------------------------------------------------------------------------------

export function parseAsset(value: unknown, v: Checker, path: string, now: string): Asset | undefined {
  const body = path ? v.object(value, path, { required: true }) : v.body(value);
  if (!body) return undefined;
  const code = v.string(body.code, field(path, 'code'), { required: true });
  const name = v.string(body.name, field(path, 'name'), { required: true });
  const precision = v.number(body.precision, field(path, 'precision'), { integer: true, min: 0 });
  const symbol = v.string(body.symbol, field(path, 'symbol'));
  const label = v.string(body.label, field(path, 'label'));
  const rates: Asset['rates'] = [];
  (v.array(body.rates, field(path, 'rates')) ?? []).forEach((entry, i) => {
    const at = item(field(path, 'rates'), i);
    const rate = v.object(entry, at, { required: true });
    if (!rate) return;
    const source = v.string(rate.source, field(at, 'source'), { required: true });
    const amount = v.number(rate.rate, field(at, 'rate'), { required: true, positive: true });
    if (source !== undefined && amount !== undefined) rates.push({ source, rate: amount });
  });
  if (code === undefined || name === undefined) return undefined;
  return { code, name, precision: precision ?? 2, symbol: symbol ?? null, label: label ?? null, rates, created_at: now };
}

// ---- products -----------------------------------------------------------------------------------------

export interface ProductInput {
  code: string;
  name: string;
  description: string | null;
  prices: PriceDefinition[];
  entitlements: Entitlement[];
  publish: boolean;
}

/** Validates a product definition; `requireName` is off for config seeding, where `name` is optional. */
export function parseProduct(value: unknown, v: Checker, state: State, path = '', requireName = true): ProductInput | undefined {
  const body = path ? v.object(value, path, { required: true }) : v.body(value);
  if (!body) return undefined;
  const code = v.string(body.code, field(path, 'code'), { required: true });
  const name = v.string(body.name, field(path, 'name'), { required: requireName });
  const description = v.string(body.description, field(path, 'description'));
  const publish = v.boolean(body.publish, field(path, 'publish'));
  const prices = v.array(body.prices, field(path, 'prices')) ?? [];
  prices.forEach((price, i) => checkPrice(price, item(field(path, 'prices'), i), v, state));
  const entitlements = v.array(body.entitlements, field(path, 'entitlements')) ?? [];
  entitlements.forEach((entry, i) => checkEntitlement(entry, item(field(path, 'entitlements'), i), v, state));
  if (code === undefined) return undefined;
  return {
    code,
    name: name ?? code,
    description: description ?? null,
    prices: prices as PriceDefinition[],
    entitlements: entitlements as Entitlement[],
    publish: publish ?? false,
  };
}

function checkPrice(value: unknown, path: string, v: Checker, state: State): void {
  const price = v.object(value, path, { required: true });
  if (!price) return;
  v.string(price.name, field(path, 'name'), { required: true });
  const type = v.oneOf(price.type, field(path, 'type'), ['usage_based', 'fixed'] as const, { required: true });
  const model = v.object(price.billing_model, field(path, 'billing_model'), { required: true });
  if (model) {
    const at = field(path, 'billing_model');
    const kind = v.oneOf(model.type, field(at, 'type'), ['real_time', 'recurring'] as const, { required: true });
    if (kind === 'recurring') {
      const recurring = v.object(model.recurring, field(at, 'recurring'), { required: true });
      if (recurring) v.oneOf(recurring.interval, field(field(at, 'recurring'), 'interval'), ['day', 'week', 'month', 'year'] as const, { required: true });
    }
  }
  const calc = v.object(price.usage_calculation, field(path, 'usage_calculation'), { required: type === 'usage_based' });
  let usageType: string | undefined;
  let dimensions: string[] = [];
  if (calc) {
    const at = field(path, 'usage_calculation');
    v.string(calc.event_type, field(at, 'event_type'), { required: true });
    usageType = v.oneOf(calc.usage_type, field(at, 'usage_type'), ['unit', 'volume', 'unit_and_volume'] as const, { required: true });
    v.string(calc.volume_field, field(at, 'volume_field'), { required: usageType === 'volume' || usageType === 'unit_and_volume' });
    v.string(calc.source_reference_field, field(at, 'source_reference_field'));
    const dims = v.array(calc.billable_dimensions, field(at, 'billable_dimensions')) ?? [];
    dims.forEach((dim, i) => v.string(dim, item(field(at, 'billable_dimensions'), i), { required: true }));
    dimensions = dims.filter((dim): dim is string => typeof dim === 'string');
  }
  const pricing = v.array(price.pricing, field(path, 'pricing'), { required: true, nonEmpty: true }) ?? [];
  pricing.forEach((entry, i) => {
    const at = item(field(path, 'pricing'), i);
    const line = v.object(entry, at, { required: true });
    if (!line) return;
    const asset = v.string(line.asset, field(at, 'asset'), { required: true });
    if (asset && !isKnownAsset(state, asset)) v.invalid(field(at, 'asset'), `no asset with code "${asset}"; create it first`);
    const values = v.array(line.values, field(at, 'values'), { required: true, nonEmpty: true }) ?? [];
    values.forEach((rate, j) => {
      const valuePath = item(field(at, 'values'), j);
      if (dimensions.length > 0) checkDimensionalValue(rate, valuePath, v, dimensions, usageType ?? 'unit');
      else checkRate(rate, valuePath, v, usageType ?? 'unit');
    });
  });
}

function checkDimensionalValue(value: unknown, path: string, v: Checker, dimensions: string[], usageType: string): void {
  const entry = v.object(value, path, { required: true });
  if (!entry) return;
  v.string(entry.name, field(path, 'name'));
  const dims = v.object(entry.dimensions, field(path, 'dimensions'), { required: true });
  if (dims) {
    for (const [key, dimValue] of Object.entries(dims)) {
      v.string(dimValue, field(field(path, 'dimensions'), key), { required: true });
      if (!dimensions.includes(key)) v.invalid(field(field(path, 'dimensions'), key), 'is not one of usage_calculation.billable_dimensions');
    }
  }
  const rates = v.array(entry.values, field(path, 'values'), { required: true, nonEmpty: true }) ?? [];
  rates.forEach((rate, i) => checkRate(rate, item(field(path, 'values'), i), v, usageType));
}

function checkRate(value: unknown, path: string, v: Checker, usageType: string): void {
  const rate = v.object(value, path, { required: true });
  if (!rate) return;
  if ('dimensions' in rate) v.invalid(field(path, 'dimensions'), 'needs usage_calculation.billable_dimensions');
  v.number(rate.unit_price, field(path, 'unit_price'), { min: 0 });
  v.number(rate.volume_rate, field(path, 'volume_rate'), { min: 0 });
  v.number(rate.package_size, field(path, 'package_size'), { positive: true });
  if (usageType === 'unit' && rate.unit_price === undefined) v.invalid(field(path, 'unit_price'), 'is required for usage_type "unit"');
  if (usageType === 'volume' && rate.volume_rate === undefined) v.invalid(field(path, 'volume_rate'), 'is required for usage_type "volume"');
  if (usageType === 'unit_and_volume' && rate.unit_price === undefined && rate.volume_rate === undefined) {
    v.invalid(path, 'needs unit_price or volume_rate');
  }
}

function checkEntitlement(value: unknown, path: string, v: Checker, state: State): void {
  const entry = v.object(value, path, { required: true });
  if (!entry) return;
  const asset = v.string(entry.asset, field(path, 'asset'));
  if (asset && !isKnownAsset(state, asset)) v.invalid(field(path, 'asset'), `no asset with code "${asset}"; create it first`);
  v.number(entry.amount, field(path, 'amount'), { min: 0 });
}

export function createProduct(state: State, input: ProductInput, now: string, id = newId('prp')): Product {
  const product: Product = {
    id,
    code: input.code,
    name: input.name,
    description: input.description,
    created_at: now,
    default_version: input.publish ? 1 : null,
    versions: [versionOf(input, 1, now)],
  };
  state.products.push(product);
  return product;
}

export function versionOf(input: ProductInput, version: number, now: string): ProductVersion {
  return { version, published: input.publish, prices: input.prices, entitlements: input.entitlements, created_at: now };
}

export function findProduct(state: State, id: string): Product | undefined {
  return state.products.find((product) => product.id === id);
}

/** `:version` in a path or a subscription: a number, `"default"`, or omitted (= default). */
export function findVersion(product: Product, version: unknown): ProductVersion | undefined {
  if (version === undefined || version === null || version === 'default') {
    return product.versions.find((entry) => entry.version === product.default_version);
  }
  const wanted = typeof version === 'number' ? version : Number(version);
  return product.versions.find((entry) => entry.version === wanted);
}

export function productView(product: Product, version?: ProductVersion): Json {
  const shown = version ?? findVersion(product, 'default') ?? product.versions[product.versions.length - 1];
  return {
    id: product.id,
    code: product.code,
    name: product.name,
    description: product.description,
    created_at: product.created_at,
    version: shown.version,
    published: shown.published,
    is_default: product.default_version === shown.version,
    prices: shown.prices,
    entitlements: shown.entitlements,
    versions: product.versions.map((entry) => ({
      version: entry.version,
      published: entry.published,
      is_default: product.default_version === entry.version,
      created_at: entry.created_at,
    })),
  };
}

/** A fixed price billed on a recurring model is paid up front: the subscription waits for that payment. */
export function needsPayment(version: ProductVersion): boolean {
  return version.prices.some((price) => price.type === 'fixed' && price.billing_model?.type === 'recurring');
}

/** Every asset a product version prices or grants in: subscribing provisions a wallet account for each. */
export function assetsOf(version: ProductVersion): string[] {
  const assets = new Set<string>();
  for (const price of version.prices) for (const line of price.pricing ?? []) assets.add(line.asset);
  for (const entitlement of version.entitlements) if (typeof entitlement.asset === 'string') assets.add(entitlement.asset);
  return [...assets];
}
