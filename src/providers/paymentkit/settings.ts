// The PaymentKit template's named constants, as billing.config.json sets them.
import type { BillingConfig } from '../../config/types.js';
import type { LiteralValue } from '../emit/index.js';
import { eventEstimates, eventPrices, minAmount } from '../event-prices.js';

export const PAYMENTKIT_TEMPLATE = 'src/providers/paymentkit/template/billing.ts';

export function paymentKitSettings(config: BillingConfig): Record<string, LiteralValue> {
  return {
    ASSET: config.asset,
    CURRENCY_ID: config.paymentkit?.currencyId ?? null,
    TOP_UP_PRICE_ID: config.paymentkit?.topUpPriceId ?? null,
    CUSTOMERS_ON_ERROR: config.customers?.onError ?? 'log',
    SIGNUP_CREDITS: config.customers?.signupCredits ?? 0,
    SIGNUP_CREDITS_EXPIRE_DAYS: config.paymentkit?.signupCreditsExpireDays ?? null,
    USAGE_ON_ERROR: config.usage?.onError ?? 'log',
    GATES_ON_UNAVAILABLE: config.gates?.onUnavailable ?? 'allow',
    TOP_UP_URL: config.gates?.topUpUrl ?? '/billing',
    REQUEST_BUDGET_MS: config.requestBudgetMs ?? 2000,
    MIN_AMOUNT: minAmount(config),
    EVENT_PRICES: eventPrices(config),
    EVENT_ESTIMATES: eventEstimates(config),
  };
}
