// The shape of billing.config.json. schema/billing.config.schema.json is the same contract for editors
// and the loader; keep the two in step (test/config.test.ts checks a full example against both).

/** A Credyt price definition, passed through to the provider (and the sandbox) as written. */
export interface PriceDefinition {
  name: string;
  type: 'usage_based' | 'fixed';
  billing_model: { type: 'real_time' } | { type: 'recurring'; recurring: { interval: 'day' | 'week' | 'month' | 'year' } };
  usage_calculation?: {
    event_type: string;
    usage_type: 'unit' | 'volume' | 'unit_and_volume';
    volume_field?: string;
    source_reference_field?: string;
    billable_dimensions?: string[];
  };
  pricing: Array<{
    asset: string;
    values: Array<PriceValue>;
  }>;
}

export type PriceValue =
  | { unit_price: number }
  | { volume_rate: number; package_size?: number }
  | { unit_price?: number; volume_rate?: number; package_size?: number }
  | { name?: string; dimensions: Record<string, string>; values: Array<{ unit_price?: number; volume_rate?: number; package_size?: number }> };

export interface ProductConfig {
  /** Product code customers are subscribed to at signup. */
  code: string;
  name?: string;
  description?: string;
  /** Full price definitions, used to create the product (and to seed the local sandbox). */
  prices?: PriceDefinition[];
  /** What a subscription grants each period (a hybrid plan's allowance), passed to Credyt as written. */
  entitlements?: Array<{ asset: string; amount: number; [key: string]: unknown }>;
}

export interface AssetConfig {
  code: string;
  name: string;
  precision?: number;
  symbol?: string;
  label?: string;
  rates?: Array<{ source: string; rate: number }>;
}

export interface EventConfig {
  /** Credyt event_type sent for these calls. */
  type: string;
  /**
   * Which calls this event covers: `<provider>:<call>` ids as detection reports them
   * (`openai:chat.completions.create`, `ai-sdk:streamText`, `openai:*`), or a callee as written in
   * the app for calls detection cannot know (`generateVideo`, `fastify.apiLayer.post`).
   */
  calls: string[];
  /** Event data field the product prices on (`total_tokens`, `images`, ...). */
  volumeField?: string;
  /** Event data fields used as billable dimensions (`model`). */
  dimensions?: string[];
  /**
   * Estimated cost of one call in asset units; balance gates refuse below it. When absent it is derived from
   * `expected`: its usage priced with the toolkit's table (costs.prices first) times costs.markup.
   */
  estimate: number;
  /** The usage one call is expected to have, for an estimate that agrees with the bill. */
  expected?: { model: string; inputTokens?: number; outputTokens?: number; images?: number };
  /** false until a person has confirmed the estimate (init writes placeholders). */
  estimateReviewed?: boolean;
  description?: string;
}

export type ProviderId = 'credyt' | 'paymentkit' | 'credits-service';

/** PaymentKit (`@blocklet/payment-js`): runs only inside a Blocklet Server app that has Payment Kit installed. */
export interface PaymentKitConfig {
  /** The credit currency (`pc_...`) balances are read in; when unset, the currency of the events' meters. */
  currencyId?: string;
  /** The credit pack price (`price_...`) the top-up checkout sells; PAYMENT_KIT_TOP_UP_PRICE_ID overrides it. */
  topUpPriceId?: string;
  /** Days signup credits stay valid (no expiry when unset). */
  signupCreditsExpireDays?: number;
}

/** An app-internal credits service (the "Billing API"): called over HTTP with the signed-in user's session. */
export interface CreditsServiceConfig {
  /** How the user's session reaches the service: the request's Cookie header, or its Authorization bearer. */
  auth: 'cookie' | 'bearer';
  /** Prefix before every path (`/api`, `/api/v1`); '' when the service serves them at its root. */
  prefix?: string;
  /** The payment channel checkout uses. */
  channel?: 'stripe' | 'creem';
  /**
   * The service's deduction endpoint, when it has one: usage events become deductions. Body values may name
   * `{amount}`, `{eventType}`, `{description}`, `{id}` (the event's idempotency id) and `{userId}`.
   */
  deduct?: { path: string; method?: 'POST' | 'PUT'; body: Record<string, string | number | boolean> };
}

export interface BillingConfig {
  $schema?: string;
  provider: ProviderId;
  paymentkit?: PaymentKitConfig;
  creditsService?: CreditsServiceConfig;
  /** Asset balances are kept and checked in: `USD` or a custom asset code. */
  asset: string;
  assets?: AssetConfig[];
  products: ProductConfig[];
  events: EventConfig[];
  customers: {
    /** What signup does when billing is unreachable: log and go on (default), or fail the signup. */
    onError: 'log' | 'fail';
    /** Who pays: each user (default), or the organization or team they act for. */
    entity?: 'user' | 'organization' | 'team';
    /** Where a customer returns after paying a fixed fee, and where a failed payment goes. */
    returnUrl?: string;
    failureUrl?: string;
    /** Create the billing customer on first use when a user predates the integration. */
    createOnFirstUse?: boolean;
    /** Free credits each new customer gets at signup, in the asset (one adjustment per user, granted once). */
    signupCredits?: number;
    /** For apps detection cannot read: the signup handler to use. */
    signup?: { file: string; handler?: string };
  };
  usage: {
    /** What a failed usage event does: log it (default) or fail the request. */
    onError: 'log' | 'fail';
  };
  /** The most a request waits for billing in total, in ms (2000 when unset). */
  requestBudgetMs?: number;
  gates: {
    /** What a balance gate does when the billing API cannot be reached. */
    onUnavailable: 'allow' | 'deny';
    /** Where a 402 response tells the customer to top up. */
    topUpUrl: string;
  };
  /** The cost-tracking area: what each call cost you, attached to its event as `costs`. */
  costs?: {
    /** Vendor in the price table (openai, anthropic, google) -> its external_id in Credyt. */
    vendors?: Record<string, string>;
    /** Per-model prices in USD per million tokens, used before the shipped table. */
    prices?: Record<string, { input: number; output?: number; cachedInput?: number; cacheWrite?: number; vendor?: string }>;
    /** What you charge over cost, for estimates derived from `expected` (1.5 = cost + 50%); default 1. */
    markup?: number;
  };
  /** The billing-portal area's route. */
  portal?: {
    /** Where the portal sends the customer back (relative to the app's origin, or absolute); default `/`. */
    returnUrl?: string;
  };
  paths: {
    /** The generated billing module, relative to the app package (written by client-setup). */
    billingModule?: string;
    /** How app code imports it, when an alias is used (`@/lib/billing`). */
    billingImport?: string;
  };
}

export const CONFIG_FILE = 'billing.config.json';
