// Pricing one usage event against product versions, the same way for POST /events and simulate-usage.
//
// For every usage-based price whose `usage_calculation.event_type` equals the event's type, each pricing
// line (one per asset) yields a fee:
//   unit             unit_price per event
//   volume           volume_rate x data[volume_field]; with package_size, the volume is rounded up to
//                    whole packages and volume_rate is the price of one package
//   unit_and_volume  both of the above, added
// With `billable_dimensions`, the rates come from the value whose `dimensions` all equal the event's data
// (compared as strings); when none matches there is no fee, and a note says why.
import type { PriceDefinition, PriceValue } from '../config/types.js';
import { roundAmount } from './money.js';
import type { Fee, Product, ProductVersion } from './types.js';

export interface PricedEvent {
  fees: Fee[];
  notes: string[];
}

export interface UsageEvent {
  event_type: string;
  data: Record<string, unknown>;
}

interface Rate {
  unit_price?: number;
  volume_rate?: number;
  package_size?: number;
}

export function priceEvent(event: UsageEvent, lines: ReadonlyArray<{ product: Product; version: ProductVersion }>): PricedEvent {
  const result: PricedEvent = { fees: [], notes: [] };
  if (lines.length === 0) result.notes.push('customer has no active subscription: accepted, not billed');
  let matched = false;
  for (const { product, version } of lines) {
    for (const price of version.prices) {
      const calc = price.usage_calculation;
      if (price.type !== 'usage_based' || !calc || calc.event_type !== event.event_type) continue;
      matched = true;
      for (const line of price.pricing ?? []) {
        const note = (text: string) => result.notes.push(`${product.code} v${version.version} "${price.name}" (${line.asset}): ${text}`);
        const amount = amountFor(calc, line.values, event.data, note);
        if (amount === undefined) continue;
        result.fees.push({
          amount,
          asset: line.asset,
          product_id: product.id,
          product_code: product.code,
          product_version: version.version,
          price_name: price.name,
        });
      }
    }
  }
  if (lines.length > 0 && !matched) result.notes.push(`no subscribed price has event_type "${event.event_type}": accepted, not billed`);
  return result;
}

type Calculation = NonNullable<PriceDefinition['usage_calculation']>;

function amountFor(calc: Calculation, values: PriceValue[], data: Record<string, unknown>, note: (text: string) => void): number | undefined {
  const dimensions = calc.billable_dimensions ?? [];
  let rates: Rate[];
  if (dimensions.length > 0) {
    const match = values.find((value) => 'dimensions' in value && dimensionsMatch(value.dimensions, data));
    if (!match || !('dimensions' in match)) {
      const seen = dimensions.map((dim) => `${dim}=${data[dim] === undefined ? '(missing)' : JSON.stringify(data[dim])}`).join(', ');
      note(`no dimensional price matches ${seen}: no fee`);
      return undefined;
    }
    rates = match.values;
  } else {
    rates = values.filter((value) => !('dimensions' in value)) as Rate[];
  }

  const usesUnit = calc.usage_type === 'unit' || calc.usage_type === 'unit_and_volume';
  const usesVolume = calc.usage_type === 'volume' || calc.usage_type === 'unit_and_volume';
  const volume = usesVolume ? volumeOf(data, calc.volume_field, note) : undefined;
  let total = 0;
  let charged = false;
  for (const rate of rates) {
    if (usesUnit && typeof rate.unit_price === 'number') {
      total = roundAmount(total + rate.unit_price);
      charged = true;
    }
    if (volume !== undefined && typeof rate.volume_rate === 'number') {
      const units = rate.package_size ? Math.ceil(roundAmount(volume / rate.package_size)) : volume;
      total = roundAmount(total + roundAmount(units * rate.volume_rate));
      charged = true;
    }
  }
  return charged ? total : undefined;
}

function dimensionsMatch(dimensions: Record<string, string>, data: Record<string, unknown>): boolean {
  return Object.entries(dimensions).every(([key, value]) => data[key] !== undefined && data[key] !== null && String(data[key]) === value);
}

/** `data[volume_field]` (a dotted path reaches into nested objects); must be a finite number >= 0. */
function volumeOf(data: Record<string, unknown>, volumeField: string | undefined, note: (text: string) => void): number | undefined {
  if (!volumeField) return undefined;
  let value: unknown = data[volumeField];
  if (value === undefined && volumeField.includes('.')) {
    value = volumeField.split('.').reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), data);
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    note(`data.${volumeField} is ${value === undefined ? 'missing' : `not a non-negative number (${JSON.stringify(value)})`}: no volume charge`);
    return undefined;
  }
  return value;
}
