// The PaymentKit billing module, in every form, run through the real @blocklet/payment-js (1.27.2) over a
// fake of @blocklet/sdk's transport and a fake Payment Kit component (test/fakes): what it sends is what the
// SDK would send to the real component.
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { BillingConfig } from '../../src/config/types.js';
import { CREDIT_CURRENCY, FakePaymentKit } from '../fakes/payment-kit.js';
import { FORMS, formName, loadBillingModule, scratchDir } from './helpers.js';

type PaymentKitModule = typeof import('../../src/providers/paymentkit/template/billing.js');

const scratch = scratchDir();
// The generated module imports @blocklet/payment-js as an app would: from node_modules next to it.
mkdirSync(scratch.dir, { recursive: true });
symlinkSync(join(process.cwd(), 'node_modules'), join(scratch.dir, 'node_modules'), 'dir');
afterAll(() => scratch.remove());

/** 1 credit per 1,000 tokens (rounded up to whole packages), 5 credits an image; 50 free credits at signup. */
function paymentKitConfig(overrides: Partial<BillingConfig> = {}): BillingConfig {
  return {
    provider: 'paymentkit',
    asset: 'CREDITS',
    assets: [{ code: 'CREDITS', name: 'Credits', precision: 0 }],
    products: [
      {
        code: 'ai',
        prices: [
          { name: 'Tokens', type: 'usage_based', billing_model: { type: 'real_time' }, usage_calculation: { event_type: 'message_completed', usage_type: 'volume', volume_field: 'total_tokens' }, pricing: [{ asset: 'CREDITS', values: [{ volume_rate: 1, package_size: 1000 }] }] },
          { name: 'Images', type: 'usage_based', billing_model: { type: 'real_time' }, usage_calculation: { event_type: 'image_generated', usage_type: 'unit' }, pricing: [{ asset: 'CREDITS', values: [{ unit_price: 5 }] }] },
        ],
      },
    ],
    events: [
      { type: 'message_completed', calls: ['openai:*'], volumeField: 'total_tokens', estimate: 2 },
      { type: 'image_generated', calls: ['openai:images.generate'], estimate: 5 },
    ],
    customers: { onError: 'log', signupCredits: 50 },
    usage: { onError: 'log' },
    gates: { onUnavailable: 'allow', topUpUrl: '/billing' },
    paths: {},
    ...overrides,
  };
}

const DID = 'z1userDidForTests';
let fake: FakePaymentKit;

beforeEach(() => {
  fake = new FakePaymentKit();
  fake.install();
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  fake.uninstall();
  vi.restoreAllMocks();
  delete process.env.PAYMENT_KIT_TOP_UP_PRICE_ID;
});

describe.each(FORMS)('%s', (...[form]) => {
  const load = (config = paymentKitConfig()) => loadBillingModule<PaymentKitModule>(scratch.dir, form, config);

  test(`${formName(form)}: ensureCustomer gets or creates the customer by DID and grants signup credits once`, async () => {
    const billing = await load();
    const first = await billing.ensureCustomer({ externalId: DID, email: 'a@example.com' });
    expect(first).toMatchObject({ externalId: DID, status: 'active', paymentUrl: null });
    expect(first?.id).toMatch(/^cus_/);
    // The meter (and with it the credit currency) is created on first need.
    expect(fake.meters.map((m) => m.event_name)).toEqual(['message_completed']);
    expect(fake.grants).toMatchObject([{ amount: '50', category: 'promotional', currency_id: CREDIT_CURRENCY, metadata: { signup_credits_for: DID } }]);
    // A second signup of the same user (another process, a retry) finds the grant and gives nothing more.
    const again = await (await load()).ensureCustomer({ externalId: DID });
    expect(again?.id).toBe(first?.id);
    expect(fake.grants).toHaveLength(1);
    const lookup = fake.requests.find((r) => r.path === `/api/customers/${DID}`);
    expect(lookup).toMatchObject({ method: 'GET', data: { create: true }, params: { livemode: true } });
  });

  test(`${formName(form)}: trackUsage sends one meter event priced from the config, with a unique identifier`, async () => {
    const billing = await load();
    fake.fund(DID, 100);
    const tokens = await billing.trackUsage({ customer: { externalId: DID }, eventType: 'message_completed', data: { total_tokens: 2500, model: 'gpt-4o' } });
    const image = await billing.trackUsage({ customer: DID, eventType: 'image_generated', data: { images: 1 } });
    expect(tokens.ok && image.ok).toBe(true);
    expect(fake.events.map((e) => [e.event_name, e.payload.value])).toEqual([
      ['message_completed', '3'], // 2,500 tokens: three packages of 1,000
      ['image_generated', '5'],
    ]);
    expect(new Set(fake.events.map((e) => e.identifier)).size).toBe(2);
    expect(fake.events[0].identifier).toBe(tokens.id);
    expect(fake.events[0].metadata).toMatchObject({ total_tokens: 2500, model: 'gpt-4o' });
    expect(fake.remaining(DID)).toBe(92);
    expect(fake.meters.map((m) => m.event_name).sort()).toEqual(['image_generated', 'message_completed']);
  });

  test(`${formName(form)}: trackUsage never rejects under 'log' and reports the failure once`, async () => {
    const billing = await load();
    const seen: string[] = [];
    billing.onBillingError((error, context) => seen.push(`${context.operation}: ${error.message}`));
    fake.down = true;
    const result = await billing.trackUsage({ customer: DID, eventType: 'image_generated' });
    expect(result.ok).toBe(false);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^trackUsage: Payment Kit .*ECONNREFUSED/);
    // Nobody signed in: nothing is sent.
    fake.down = false;
    const before = fake.requests.length;
    expect((await billing.trackUsage({ customer: { externalId: null }, eventType: 'image_generated' })).ok).toBe(false);
    expect(fake.requests.length).toBe(before);
  });

  test(`${formName(form)}: checkBalance counts remaining grants less pending consumption`, async () => {
    const billing = await load();
    fake.fund(DID, 10);
    expect(await billing.checkBalance({ customer: DID, estimate: 4 })).toMatchObject({ allowed: true, available: 10, required: 4 });
    fake.consumeLater = true;
    await billing.trackUsage({ customer: DID, eventType: 'message_completed', data: { total_tokens: 7000 } });
    const refused = await billing.checkBalance({ customer: DID, estimate: 4 });
    expect(refused).toMatchObject({ allowed: false, available: 3, required: 4, topUpUrl: '/billing' });
    expect(refused.body).toEqual({ error: refused.message, available: 3, required: 4, topUpUrl: '/billing' });
    fake.settle();
    expect((await billing.checkBalance({ customer: DID, estimate: 0 })).available).toBe(3);
    // An empty wallet never passes, whatever the estimate.
    fake.grants = [];
    expect((await billing.checkBalance({ customer: DID, estimate: 0 })).allowed).toBe(false);
    expect((await billing.checkBalance({ customer: { externalId: '' }, estimate: 1 })).allowed).toBe(false);
  });

  test(`${formName(form)}: a gate follows gates.onUnavailable when Payment Kit is down or too slow, within the budget`, async () => {
    const allow = await load(paymentKitConfig({ requestBudgetMs: 300 }));
    fake.down = true;
    expect(await allow.checkBalance({ customer: DID, estimate: 1 })).toMatchObject({ allowed: true });
    fake.down = false;
    fake.delayMs = 2_000;
    const deny = await load(paymentKitConfig({ requestBudgetMs: 300, gates: { onUnavailable: 'deny', topUpUrl: '/billing' } }));
    const started = Date.now();
    expect(await deny.checkBalance({ customer: DID, estimate: 1 })).toMatchObject({ allowed: false });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  test(`${formName(form)}: getBalance and getTransactions read the summary and the ledger`, async () => {
    const billing = await load();
    expect(await billing.getBalance({ customer: { externalId: undefined } })).toBeNull();
    fake.fund(DID, 20);
    await billing.trackUsage({ customer: DID, eventType: 'image_generated' });
    expect(await billing.getBalance({ customer: DID })).toEqual({ asset: 'CREDITS', available: 15, pendingIn: 0, pendingOut: 0, accounts: [{ asset: 'CR', available: 15 }] });
    const rows = await billing.getTransactions({ customer: DID });
    expect(rows).toMatchObject([{ amount: 5, balance: 15, event: 'image_generated' }]);
  });

  test(`${formName(form)}: createPortalSession opens a top-up checkout for the credit pack price`, async () => {
    const billing = await load(paymentKitConfig({ paymentkit: { topUpPriceId: 'price_config' } }));
    process.env.PAYMENT_KIT_TOP_UP_PRICE_ID = 'price_env';
    const session = await billing.createPortalSession({ customer: DID, returnUrl: 'https://app.test/done', failureUrl: 'https://app.test/billing' });
    expect(session.redirectUrl).toMatch(/^https:\/\/payment-kit\.test\/checkout\/pay\//);
    expect(new Date(session.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(fake.sessions[0]).toMatchObject({ mode: 'payment', line_items: [{ price_id: 'price_env', quantity: 1 }], success_url: 'https://app.test/done', cancel_url: 'https://app.test/billing' });
    delete process.env.PAYMENT_KIT_TOP_UP_PRICE_ID;
    await billing.createPortalSession({ customer: DID, returnUrl: 'https://app.test/done', failureUrl: 'https://app.test/billing' });
    expect(fake.sessions[1]).toMatchObject({ line_items: [{ price_id: 'price_config' }] });
    const none = await load();
    await expect(none.createPortalSession({ customer: DID, returnUrl: '/', failureUrl: '/' })).rejects.toThrow(/PAYMENT_KIT_TOP_UP_PRICE_ID/);
  });

  test(`${formName(form)}: a configured currency is used without asking the meters`, async () => {
    const billing = await load(paymentKitConfig({ paymentkit: { currencyId: 'pc_other' } }));
    fake.fund(DID, 10);
    expect((await billing.checkBalance({ customer: DID, estimate: 1 })).available).toBe(0);
    expect(fake.requests.some((r) => r.path.startsWith('/api/meters'))).toBe(false);
  });
});
