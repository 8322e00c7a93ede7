// The credits-service billing module, in every form, against the local credits service
// (src/sandbox/credits-service.ts): each call forwards the signed-in user's session, reads both envelopes,
// deducts usage only through a configured endpoint, and keeps gates within their policy when the service fails.
import { afterAll, afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { BillingConfig, CreditsServiceConfig } from '../../src/config/types.js';
import { generateBillingModule } from '../../src/providers/generate.js';
import { type CreditsSandbox, startCreditsSandbox } from '../../src/sandbox/credits-service.js';
import { FORMS, formName, loadBillingModule, scratchDir } from './helpers.js';

type CreditsModule = typeof import('../../src/providers/credits-service/template/billing.js');

const scratch = scratchDir();
afterAll(() => scratch.remove());

const DEDUCT: CreditsServiceConfig['deduct'] = { path: '/credits/deduct', body: { amount: '{amount}', reason: 'usage: {eventType}', idempotency_key: '{id}' } };

function creditsConfig(service: CreditsServiceConfig, overrides: Partial<BillingConfig> = {}): BillingConfig {
  return {
    provider: 'credits-service',
    creditsService: service,
    asset: 'CREDITS',
    assets: [{ code: 'CREDITS', name: 'Credits', precision: 0 }],
    products: [
      { code: 'pro', name: 'Pro', prices: [{ name: 'Tokens', type: 'usage_based', billing_model: { type: 'real_time' }, usage_calculation: { event_type: 'message_completed', usage_type: 'volume', volume_field: 'total_tokens' }, pricing: [{ asset: 'CREDITS', values: [{ volume_rate: 2, package_size: 1000 }] }] }] },
    ],
    events: [{ type: 'message_completed', calls: ['openai:*'], volumeField: 'total_tokens', estimate: 2 }],
    customers: { onError: 'log' },
    usage: { onError: 'log' },
    gates: { onUnavailable: 'allow', topUpUrl: '/billing' },
    paths: {},
    ...overrides,
  };
}

const USER = 'user-42';
const COOKIE = 'sid=abc123';

async function withService(config: BillingConfig, bare = false): Promise<CreditsSandbox> {
  const service = await startCreditsSandbox({ config, bare });
  process.env.CREDITS_API_URL = service.url;
  const session = config.creditsService?.auth === 'bearer' ? 'token-xyz' : COOKIE;
  await fetch(`${service.url}/_sandbox/sessions`, { method: 'POST', body: JSON.stringify({ session, userId: USER }) });
  return service;
}

const fund = (service: CreditsSandbox, amount: number) =>
  fetch(`${service.url}/admin/credits/manual`, { method: 'POST', body: JSON.stringify({ user_id: USER, amount }) });

let services: CreditsSandbox[] = [];
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(async () => {
  await Promise.all(services.map((s) => s.close()));
  services = [];
  delete process.env.CREDITS_API_URL;
  vi.restoreAllMocks();
});

describe.each(FORMS)('%s', (...[form]) => {
  const setup = async (service: CreditsServiceConfig, options: { bare?: boolean; overrides?: Partial<BillingConfig> } = {}) => {
    const config = creditsConfig(service, options.overrides);
    const sandbox = await withService(config, options.bare);
    services.push(sandbox);
    return { sandbox, billing: await loadBillingModule<CreditsModule>(scratch.dir, form, config) };
  };

  test(`${formName(form)}: a gate reads the balance as the user whose cookie the request carries`, async () => {
    const { sandbox, billing } = await setup({ auth: 'cookie' });
    const req = { headers: { cookie: `theme=dark; ${COOKIE}` } };
    expect(await billing.checkBalance({ customer: USER, estimate: 2, session: req })).toMatchObject({ allowed: false, available: 0, required: 2 });
    await fund(sandbox, 5);
    expect(await billing.checkBalance({ customer: USER, estimate: 2, session: req })).toMatchObject({ allowed: true, available: 5 });
    expect(sandbox.requests.filter((r) => r.path === '/credits/balance').map((r) => r.credential)).toEqual([`theme=dark; ${COOKIE}`, `theme=dark; ${COOKIE}`]);
    // Nobody signed in: refused without calling the service.
    const before = sandbox.requests.length;
    expect((await billing.checkBalance({ customer: null as unknown as string, estimate: 1, session: req })).allowed).toBe(false);
    expect(sandbox.requests.length).toBe(before);
  });

  test(`${formName(form)}: bearer sessions from a Fetch Request, Headers or the token itself; bare answers read too`, async () => {
    const { sandbox, billing } = await setup({ auth: 'bearer' }, { bare: true });
    await fund(sandbox, 7);
    const request = new Request('http://app.test/api/chat', { headers: { authorization: 'Bearer token-xyz' } });
    expect((await billing.getBalance({ customer: USER, session: request }))?.available).toBe(7);
    expect((await billing.getBalance({ customer: USER, session: new Headers({ Authorization: 'Bearer token-xyz' }) }))?.available).toBe(7);
    expect((await billing.getBalance({ customer: USER, session: 'token-xyz' }))?.available).toBe(7);
    expect(sandbox.requests.filter((r) => r.path === '/credits/balance').map((r) => r.credential)).toEqual(['token-xyz', 'token-xyz', 'token-xyz']);
  });

  test(`${formName(form)}: no session, a refused session, or no service: gates follow gates.onUnavailable and say why once`, async () => {
    const { billing } = await setup({ auth: 'cookie' }, { overrides: { gates: { onUnavailable: 'deny', topUpUrl: '/billing' } } });
    const seen: string[] = [];
    billing.onBillingError((error) => seen.push(error.message));
    expect((await billing.checkBalance({ customer: USER, estimate: 1, session: { headers: {} } })).allowed).toBe(false);
    expect(seen[0]).toMatch(/no session cookie/);
    expect((await billing.checkBalance({ customer: USER, estimate: 1, session: { headers: { cookie: 'sid=stolen' } } })).allowed).toBe(false);
    expect(seen[1]).toBe('session not recognised');
    process.env.CREDITS_API_URL = 'http://127.0.0.1:9';
    const down = await billing.checkBalance({ customer: USER, estimate: 1, session: 'sid=abc123' });
    expect(down).toMatchObject({ allowed: false, message: 'Billing is unavailable; please try again shortly.' });
  });

  test(`${formName(form)}: trackUsage deducts the configured price through the deduction endpoint, once per event id`, async () => {
    const { sandbox, billing } = await setup({ auth: 'cookie', deduct: DEDUCT });
    await fund(sandbox, 10);
    const sent = await billing.trackUsage({ customer: USER, eventType: 'message_completed', data: { total_tokens: 1500 }, session: { headers: { cookie: COOKIE } } });
    expect(sent.ok).toBe(true);
    const deduction = sandbox.requests.find((r) => r.path === '/credits/deduct');
    // 1,500 tokens: two packages of 1,000 at 2 credits; `{amount}` stays a number, the rest is filled in as text.
    expect(deduction?.body).toEqual({ amount: 4, reason: 'usage: message_completed', idempotency_key: sent.id });
    expect((await billing.getBalance({ customer: USER, session: COOKIE }))?.available).toBe(6);
    const rows = await billing.getTransactions({ session: COOKIE });
    expect(rows.map((r) => [r.type, r.amount])).toEqual([['usage', -4], ['manual', 10]]);
  });

  test(`${formName(form)}: without a deduction endpoint trackUsage sends nothing and says so`, async () => {
    const { sandbox, billing } = await setup({ auth: 'cookie' });
    const seen: string[] = [];
    billing.onBillingError((error) => seen.push(error.message));
    expect((await billing.trackUsage({ customer: USER, eventType: 'message_completed', session: COOKIE })).ok).toBe(false);
    expect(seen).toEqual(['usage event message_completed not deducted']);
    expect(sandbox.requests.filter((r) => !r.path.startsWith('/_sandbox') && !r.path.startsWith('/admin'))).toEqual([]);
  });

  test(`${formName(form)}: portal, checkout, plans and check-in go to the service's own endpoints`, async () => {
    const { sandbox, billing } = await setup({ auth: 'cookie', prefix: '/api', channel: 'creem' });
    const portal = await billing.createPortalSession({ customer: USER, returnUrl: 'https://app.test/account', session: COOKIE });
    expect(portal.redirectUrl).toContain('/_sandbox/portal?user=user-42');
    const checkout = await billing.createCheckoutSession({ planId: 'pro', successUrl: 'https://app.test/ok', cancelUrl: 'https://app.test/no', session: COOKIE });
    expect(checkout.redirectUrl).toContain('channel=creem');
    await expect(billing.createCheckoutSession({ planId: 'nope', successUrl: '/', cancelUrl: '/', session: COOKIE })).rejects.toMatchObject({ status: 400, message: 'unknown plan_id "nope"' });
    expect(await billing.getPlans()).toMatchObject([{ id: 'pro', name: 'Pro' }]);
    await billing.checkin({ session: COOKIE });
    await expect(billing.checkin({ session: COOKIE })).rejects.toMatchObject({ status: 400, message: 'already checked in today' });
    expect(sandbox.requests.every((r) => r.path.startsWith('/api/') || r.path.startsWith('/_sandbox') || r.path.startsWith('/admin'))).toBe(true);
  });
});

describe('generation', () => {
  test('only a Next.js app gets the code that reads the request headers itself', () => {
    const config = creditsConfig({ auth: 'cookie' });
    const plain = generateBillingModule({ language: 'ts', module: 'esm', serverOnly: null, config });
    const next = generateBillingModule({ language: 'ts', module: 'esm', serverOnly: 'guard', config, next: true });
    expect(plain).not.toContain('next/headers');
    expect(plain).not.toContain('@next-headers');
    expect(next).toContain("await import('next/headers')");
    expect(next).not.toContain('@next-headers');
    expect(next).toContain("// This module forwards users' sessions to the credits service: refuse to run in a browser bundle.");
  });

  test('the deduction endpoint and prices are embedded from the config', () => {
    const code = generateBillingModule({ language: 'js', module: 'cjs', serverOnly: null, config: creditsConfig({ auth: 'bearer', prefix: '/api/v1', deduct: DEDUCT }) });
    expect(code).toContain("const AUTH = 'bearer';");
    expect(code).toContain("const PREFIX = '/api/v1';");
    expect(code).toContain("const DEDUCT = ['POST', '/credits/deduct', { amount: '{amount}', reason: 'usage: {eventType}', idempotency_key: '{id}' }];");
    expect(code).toContain("const EVENT_PRICES = [['message_completed', 0, 'total_tokens', 2, 1000]];");
  });
});
