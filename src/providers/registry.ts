// The billing providers: what each one's generated module is, what it needs in the env, and which areas it
// supports. Areas never name a provider's endpoints; they ask this table what differs.
import type { BillingConfig, ProviderId } from '../config/types.js';
import type { LiteralValue } from './emit/index.js';
import { CREDITS_SERVICE_TEMPLATE, creditsServiceSettings } from './credits-service/settings.js';
import { CREDYT_TEMPLATE, credytSettings } from './credyt/settings.js';
import { PAYMENTKIT_TEMPLATE, paymentKitSettings } from './paymentkit/settings.js';

/** One variable of the env example file: its comment lines, then `NAME=` with no value. */
export interface EnvEntry {
  name: string;
  lines: string[];
}

export interface Provider {
  id: ProviderId;
  /** As messages name it: "Credyt", "PaymentKit", "the credits service". */
  name: string;
  template: string;
  /** Why the module must stay out of browser bundles, as its guard's comment says. */
  serverOnlyBecause: string;
  settings(config: BillingConfig): Record<string, LiteralValue>;
  env: EnvEntry[];
  /** What client-setup tells the user once the module is written; `envFile` is the app's .env path. */
  setupNotes(envFile: string): string[];
  /** Why `area` changes nothing with this provider (a true reason, shown as the plan's note), or null. */
  unsupported(area: string, config: BillingConfig): string | null;
  /** Why `products push` has nothing to send to this provider (and what to do instead), or null when it pushes. */
  noPush: string | null;
  /** Why the provider cannot run in this app as it is (said by init and client-setup), or null. */
  misfit(app: { blocklet: boolean }): string | null;
  /** The provider is called as the signed-in user: call sites hand the module the incoming request (`session`). */
  forwardsSession: boolean;
  /** npm packages the module imports. */
  dependencies: Array<{ name: string; version: string; reason: string }>;
}

const credyt: Provider = {
  id: 'credyt',
  name: 'Credyt',
  template: CREDYT_TEMPLATE,
  serverOnlyBecause: 'This module holds the Credyt API key',
  settings: credytSettings,
  env: [
    {
      name: 'CREDYT_API_KEY',
      lines: [
        '# Credyt billing (added by billing-codemod): the API key from the Credyt dashboard, server-side only.',
        'CREDYT_API_KEY=',
        '# Point at a local sandbox to try billing offline: npx billing-codemod sandbox',
        '# CREDYT_API_URL=http://127.0.0.1:4010',
      ],
    },
  ],
  setupNotes: (envFile) => [
    `put the real key in ${envFile} (CREDYT_API_KEY=key_...), never in code or the example file`,
    'to try it offline: npx billing-codemod sandbox --config billing.config.json, and CREDYT_API_URL=http://127.0.0.1:4010',
  ],
  unsupported: () => null,
  noPush: null,
  misfit: () => null,
  forwardsSession: false,
  dependencies: [],
};

const paymentkit: Provider = {
  id: 'paymentkit',
  name: 'PaymentKit',
  template: PAYMENTKIT_TEMPLATE,
  serverOnlyBecause: "This module signs PaymentKit calls with the blocklet's key",
  settings: paymentKitSettings,
  env: [
    {
      name: 'PAYMENT_KIT_TOP_UP_PRICE_ID',
      lines: [
        '# PaymentKit billing (added by billing-codemod): the credit pack price (price_...) the top-up checkout sells.',
        'PAYMENT_KIT_TOP_UP_PRICE_ID=',
        '# Payment Kit test mode while trying it out',
        '# PAYMENT_TEST_MODE=true',
      ],
    },
  ],
  setupNotes: () => [
    "@blocklet/payment-js works only inside a Blocklet Server app that has the Payment Kit component installed and running: it signs each call with the blocklet's key (no API key)",
    'meters for the configured event types are created on first use; call billing.ensureMeters() at boot to create them early',
  ],
  unsupported(area) {
    if (area === 'webhooks') {
      return 'PaymentKit documents no way to verify a webhook delivery (its endpoints carry no signing secret), and an unverified billing webhook would take anyone\'s POST: not generated. Payment Kit grants purchased credits itself';
    }
    if (area === 'cost-tracking') return 'PaymentKit meter events carry no cost items: cost tracking needs a provider that records costs (Credyt)';
    return null;
  },
  noPush:
    "PaymentKit's SDK runs only inside the Blocklet, not from this command: the billing module creates the meter of each configured event type on first use (call billing.ensureMeters() at boot to create them early); make the credit currency and the top-up price in Payment Kit's dashboard",
  misfit: (app) =>
    app.blocklet
      ? null
      : "this app is not a Blocklet (no blocklet.yml, no @blocklet/sdk): PaymentKit's SDK runs only inside a Blocklet Server app with Payment Kit installed, so every billing call fails here; the generated code is still correct for a blocklet",
  forwardsSession: false,
  dependencies: [{ name: '@blocklet/payment-js', version: '^1.27.2', reason: 'the PaymentKit SDK the billing module calls' }],
};

const creditsService: Provider = {
  id: 'credits-service',
  name: 'the credits service',
  template: CREDITS_SERVICE_TEMPLATE,
  serverOnlyBecause: "This module forwards users' sessions to the credits service",
  settings: creditsServiceSettings,
  env: [
    {
      name: 'CREDITS_API_URL',
      lines: [
        '# The credits service (added by billing-codemod): its base URL, called with the signed-in user\'s session.',
        'CREDITS_API_URL=',
        '# Try it offline: npx billing-codemod sandbox --provider credits-service, then CREDITS_API_URL=http://127.0.0.1:4020',
      ],
    },
  ],
  setupNotes: (envFile) => [`set CREDITS_API_URL in ${envFile} to where the credits service answers; the module forwards the signed-in user's session to it`],
  unsupported(area, config) {
    if (area === 'customers') return 'the credits service opens each user\'s credit account itself and has no customer endpoint: nothing to add at signup';
    if (area === 'usage-events' && !config.creditsService?.deduct) {
      return 'the credits service has no usage-event endpoint, and billing.config.json names no deduction endpoint (creditsService.deduct: path and body): usage cannot be metered from the app, so nothing changed';
    }
    if (area === 'webhooks') return 'the credits service receives its payment provider\'s webhooks itself (/payment/webhook/stripe, /payment/webhook/creem) and verifies them: nothing to add to the app';
    if (area === 'cost-tracking') return 'the credits service records no costs: cost tracking needs a provider that does (Credyt)';
    return null;
  },
  noPush: 'the credits service keeps its own plans and prices (/admin/billing/plans): there is nothing to push from here',
  misfit: () => null,
  forwardsSession: true,
  dependencies: [],
};

export const PROVIDERS: Record<ProviderId, Provider> = { credyt, paymentkit, 'credits-service': creditsService };

export function providerOf(config: Pick<BillingConfig, 'provider'>): Provider {
  return PROVIDERS[config.provider] ?? credyt;
}
