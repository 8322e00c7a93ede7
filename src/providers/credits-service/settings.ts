// The credits-service template's named constants, as billing.config.json sets them.
import type { BillingConfig } from '../../config/types.js';
import type { LiteralValue } from '../emit/index.js';
import { eventEstimates, eventPrices, minAmount } from '../event-prices.js';

export const CREDITS_SERVICE_TEMPLATE = 'src/providers/credits-service/template/billing.ts';

export function creditsServiceSettings(config: BillingConfig): Record<string, LiteralValue> {
  const service = config.creditsService ?? { auth: 'cookie' };
  const deduct = service.deduct;
  return {
    ASSET: config.asset,
    AUTH: service.auth,
    PREFIX: service.prefix ?? '',
    CHANNEL: service.channel ?? 'stripe',
    USAGE_ON_ERROR: config.usage?.onError ?? 'log',
    GATES_ON_UNAVAILABLE: config.gates?.onUnavailable ?? 'allow',
    TOP_UP_URL: config.gates?.topUpUrl ?? '/billing',
    REQUEST_BUDGET_MS: config.requestBudgetMs ?? 2000,
    MIN_AMOUNT: minAmount(config),
    DEDUCT: deduct ? [deduct.method ?? 'POST', deduct.path, deduct.body] : null,
    EVENT_PRICES: eventPrices(config),
    EVENT_ESTIMATES: eventEstimates(config),
  };
}
