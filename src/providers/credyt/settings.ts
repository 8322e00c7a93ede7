// The Credyt template's named constants, as billing.config.json sets them (the loader fills in schema defaults).
import type { BillingConfig } from '../../config/types.js';
import type { LiteralValue } from '../emit/index.js';
import { minAmount } from '../event-prices.js';

export const CREDYT_TEMPLATE = 'src/providers/credyt/template/billing.ts';

export function credytSettings(config: BillingConfig): Record<string, LiteralValue> {
  return {
    ASSET: config.asset,
    DEFAULT_PRODUCT_CODES: config.products.map((product) => product.code),
    CUSTOMER_RETURN_URL: config.customers?.returnUrl,
    CUSTOMER_FAILURE_URL: config.customers?.failureUrl,
    CUSTOMERS_ON_ERROR: config.customers?.onError ?? 'log',
    CREATE_CUSTOMER_ON_FIRST_USE: config.customers?.createOnFirstUse ?? true,
    SIGNUP_CREDITS: config.customers?.signupCredits ?? 0,
    USAGE_ON_ERROR: config.usage?.onError ?? 'log',
    GATES_ON_UNAVAILABLE: config.gates?.onUnavailable ?? 'allow',
    TOP_UP_URL: config.gates?.topUpUrl ?? '/billing',
    REQUEST_BUDGET_MS: config.requestBudgetMs ?? 2000,
    PARTIAL_FLOOR: partialFloors(config),
    MIN_AMOUNT: minAmount(config),
  };
}

/**
 * For each volume-priced event: the volume its estimate buys at the configured rate (`estimate / volume_rate`
 * in the config's asset), so a partial event is billed at least the estimate. Events without a rate get none.
 */
function partialFloors(config: BillingConfig): LiteralValue[] {
  const floors: LiteralValue[] = [];
  for (const event of config.events) {
    if (!event.volumeField || !(event.estimate > 0)) continue;
    const rate = config.products
      .flatMap((product) => product.prices ?? [])
      .filter((price) => price.usage_calculation?.event_type === event.type && price.usage_calculation.usage_type === 'volume')
      .flatMap((price) => price.pricing.filter((p) => p.asset === config.asset).flatMap((p) => p.values.map((v) => ('volume_rate' in v ? v.volume_rate : undefined))))
      .find((r): r is number => typeof r === 'number' && r > 0);
    if (rate) floors.push([event.type, event.volumeField, Math.ceil(event.estimate / rate)]);
  }
  return floors;
}
