// A monthly fixed-fee product, as a suite adds it to an app's config after `init`: signup then waits for
// payment, and paying it makes the sandbox send subscription.activated.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BillingConfig, ProductConfig } from '../../../src/config/types.js';

export const FIXED_FEE_PRODUCT: ProductConfig = {
  code: 'pro',
  name: 'Pro',
  prices: [{ name: 'Monthly fee', type: 'fixed', billing_model: { type: 'recurring', recurring: { interval: 'month' } }, pricing: [{ asset: 'USD', values: [{ unit_price: 20 }] }] }],
};

/** Adds the product (and absolute return URLs, which Credyt requires) to the app's billing.config.json. */
export function addFixedFee(dir: string): void {
  const file = join(dir, 'billing.config.json');
  const config = JSON.parse(readFileSync(file, 'utf8')) as BillingConfig;
  config.products.push(FIXED_FEE_PRODUCT);
  config.customers = { ...config.customers, returnUrl: 'https://app.example.test/welcome', failureUrl: 'https://app.example.test/billing' };
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
}
