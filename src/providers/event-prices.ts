// What one usage event costs, for providers that do not price events themselves (PaymentKit meters count the
// credits they are sent; the credits service deducts an amount): the config's price, worked out in the module.
import type { BillingConfig } from '../config/types.js';
import type { LiteralValue } from './emit/index.js';

/**
 * Per event type with a plain (not dimensional) usage price in the config's asset: `[eventType, unit price,
 * volume field, volume rate, package size]`. Events priced only by dimension, or not at all, are left to
 * `eventEstimates`.
 */
export function eventPrices(config: BillingConfig): LiteralValue[] {
  const rows: LiteralValue[] = [];
  for (const event of config.events) {
    const price = config.products.flatMap((p) => p.prices ?? []).find((p) => p.type === 'usage_based' && p.usage_calculation?.event_type === event.type);
    const calc = price?.usage_calculation;
    const values = price?.pricing.find((line) => line.asset === config.asset)?.values.filter((v) => !('dimensions' in v)) ?? [];
    const rate = values[0] as { unit_price?: number; volume_rate?: number; package_size?: number } | undefined;
    if (!calc || !rate) continue;
    const unit = calc.usage_type !== 'volume' ? (rate.unit_price ?? 0) : 0;
    const volume = calc.usage_type !== 'unit' && calc.volume_field ? calc.volume_field : null;
    rows.push([event.type, unit, volume, volume ? (rate.volume_rate ?? 0) : 0, volume ? (rate.package_size ?? 1) : 1]);
  }
  return rows;
}

/** `[eventType, estimate]` for every event: what an event without a usable price costs. */
export function eventEstimates(config: BillingConfig): LiteralValue[] {
  return config.events.map((event) => [event.type, event.estimate]);
}

/** One unit of the asset's last decimal: 0.01 USD, 1 credit for an asset without decimals. */
export function minAmount(config: BillingConfig): number {
  const precision = config.assets?.find((asset) => asset.code === config.asset)?.precision ?? 2;
  return Number((10 ** -precision).toFixed(precision));
}
