// The seeded state: assets and products from billing.config.json, validated exactly like POST /assets and
// POST /products, so a config the sandbox accepts is one Credyt would accept too. Seeded products are
// published (customers subscribe to them at signup) and keep a stable id derived from their code.
import type { BillingConfig } from '../config/types.js';
import { vendorsIn, vendorsOf } from '../costs/price-table.js';
import { createProduct, parseAsset, parseProduct } from './catalog.js';
import { addVendor, findVendor } from './routes/vendors.js';
import { stableId } from './ids.js';
import { Problem } from './problems.js';
import { emptyState } from './store.js';
import type { State } from './types.js';
import { Checker, item } from './validate.js';

export function seededState(config: BillingConfig | undefined, now: string): State {
  const state = emptyState();
  addSeed(state, config, now);
  return state;
}

/** Adds the config's assets and products that `state` does not have yet (matched by code). */
export function addSeed(state: State, config: BillingConfig | undefined, now: string): void {
  if (!config) return;
  (config.assets ?? []).forEach((asset, i) => {
    if (state.assets.some((existing) => existing.code === asset.code)) return;
    const parsed = check((v) => parseAsset(asset, v, item('assets', i), now));
    state.assets.push(parsed);
  });
  (config.products ?? []).forEach((product, i) => {
    if (state.products.some((existing) => existing.code === product.code)) return;
    const input = check((v) => parseProduct({ ...product, publish: true }, v, state, item('products', i), false));
    createProduct(state, input, now, stableId('prp', input.code));
  });
  // The vendors the costs module names (products push would create them in Credyt).
  const ids = vendorsOf(config);
  for (const vendor of config.events ? vendorsIn(config) : []) {
    const externalId = ids[vendor] ?? vendor;
    if (!findVendor(state, { externalId })) addVendor(state, vendor, externalId, now, stableId('vnd', externalId));
  }
}

/** A config the sandbox cannot seed from; the message names each bad field (`products[0].prices[1].type`). */
export class SeedError extends Error {}

/** Runs a parser and turns its validation problem into an Error naming the config field. */
function check<T>(parse: (v: Checker) => T | undefined): T {
  const v = new Checker();
  const result = parse(v);
  try {
    v.done();
  } catch (error) {
    if (error instanceof Problem && error.errors) {
      const lines = Object.entries(error.errors).map(([path, messages]) => `${path}: ${messages.join('; ')}`);
      throw new SeedError(`cannot seed the sandbox:\n  ${lines.join('\n  ')}`);
    }
    throw error;
  }
  if (result === undefined) throw new SeedError('cannot seed the sandbox from this config');
  return result;
}
