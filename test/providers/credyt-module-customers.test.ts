// The generated billing module, each of its four forms loaded for real, against the real sandbox: customers
// (get-or-create under both duplicate answers and both lookup shapes, pending payments), portal sessions,
// failure policies, and configuration read at call time.
import { beforeAll, describe, expect, test, vi } from 'vitest';
import {
  type BillingModule,
  FORMS,
  loadBillingModule,
  moduleTestSetup,
  testConfig,
  uid,
} from './helpers.js';

const { sandbox, scratch } = moduleTestSetup();

describe.each(FORMS)('$language/$module module: customers', (form) => {
  let mod: BillingModule; // customers.onError 'log'
  let strict: BillingModule; // customers.onError 'fail'
  let gifting: BillingModule; // customers.signupCredits 5

  beforeAll(async () => {
    mod = await loadBillingModule(scratch.dir, form, testConfig());
    strict = await loadBillingModule(scratch.dir, form, testConfig({ customers: { onError: 'fail' } }));
    gifting = await loadBillingModule(scratch.dir, form, testConfig({ customers: { onError: 'log', signupCredits: 5 } }));
  });

  test('grants the free signup credits once per user, however often signup runs: the transaction id comes from the user id', async () => {
    const externalId = uid();
    const first = await gifting.ensureCustomer({ externalId, products: ['chat'] });
    await gifting.ensureCustomer({ externalId, products: ['chat'] });
    const grants = await sandbox.requests('POST', `/customers/${first?.id}/wallet/adjustments`);
    expect(grants).toHaveLength(2);
    expect(grants[0].body).toMatchObject({ asset: 'USD', amount: 5, reason: 'gift', transaction_id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/) });
    expect(grants[1].body.transaction_id).toBe(grants[0].body.transaction_id);
    expect((await sandbox.api.get(`/customers/${first?.id}/wallet/default:USD`)).body.available).toBe(5);
    const other = await gifting.ensureCustomer({ externalId: uid(), products: ['chat'] });
    expect((await sandbox.requests('POST', `/customers/${other?.id}/wallet/adjustments`))[0].body.transaction_id).not.toBe(grants[0].body.transaction_id);
  });

  test('creates the customer subscribed to the given products; name falls back to email, then external id', async () => {
    const externalId = uid();
    const created = await mod.billing.ensureCustomer({ externalId, email: 'ada@example.com', products: ['chat'] });
    expect(created).toEqual({ id: expect.stringMatching(/^cust_/), externalId, paymentUrl: null, status: 'active' });
    const [post] = await sandbox.requests('POST', '/customers');
    expect(post.body).toEqual({
      external_id: externalId,
      name: 'ada@example.com',
      email: 'ada@example.com',
      // Relative URLs from the config are resolved against APP_URL.
      subscriptions: [
        { products: [{ code: 'chat' }], return_url: 'http://app.test/welcome', failure_url: 'http://app.test/billing/failed', redirect_to: 'return_url' },
      ],
    });

    const bare = await mod.ensureCustomer({ externalId: 'plain_user', products: ['chat'] });
    expect(bare?.externalId).toBe('plain_user');
    expect((await sandbox.requests('POST', '/customers'))[1].body.name).toBe('plain_user');
  });

  describe.each([409, 422] as const)('duplicate answered %i', (status) => {
    test.each(['object', 'list'] as const)('looks the customer up (lookup answers a%s)', async (shape) => {
      await sandbox.quirks({ duplicateCustomerStatus: status, customerLookup: shape });
      const externalId = uid();
      const first = await mod.ensureCustomer({ externalId, products: ['chat'] });
      const again = await strict.ensureCustomer({ externalId, name: 'Ada again', products: ['chat'] });
      expect(again).toEqual({ id: first?.id, externalId, paymentUrl: null, status: 'active' });
      expect((await sandbox.requests('POST', '/customers')).map((r) => r.status)).toEqual([201, status]);
      const lookups = await sandbox.requests('GET', '/customers');
      expect(lookups.map((r) => [r.query.external_id, r.status])).toEqual([[externalId, 200]]);
    });
  });

  test('a create refused for another reason is not mistaken for a duplicate', async () => {
    const error = await strict.ensureCustomer({ externalId: uid(), products: ['no-such-product'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(strict.BillingError);
    const failure = error as InstanceType<BillingModule['BillingError']>;
    expect(failure.status).toBe(422);
    expect(failure.message).toBe(failure.detail);
    expect(failure.detail.length).toBeGreaterThan(0);
    expect(failure.body).toMatchObject({ status: 422, errors: expect.any(Object) });
    // The 422 was checked by a lookup, which found nothing.
    expect((await sandbox.requests('GET', '/customers')).map((r) => r.status)).toEqual([404]);
  });

  test.each(['pending', 'action_required'] as const)('a subscription waiting for payment (%s) surfaces paymentUrl', async (spelling) => {
    await sandbox.quirks({ pendingStatus: spelling });
    const externalId = uid();
    // Default products from the config: `chat` and the fixed-fee `pro`.
    const created = await mod.ensureCustomer({ externalId, name: 'Ada' });
    expect(created).toMatchObject({ externalId, status: spelling, paymentUrl: expect.stringContaining(`${sandbox.url}/pay/`) });
    const [post] = await sandbox.requests('POST', '/customers');
    expect(post.body.subscriptions[0].products).toEqual([{ code: 'chat' }, { code: 'pro' }]);
    // Found again through the duplicate path, still waiting: the link comes back too.
    const again = await mod.ensureCustomer({ externalId, name: 'Ada' });
    expect(again).toMatchObject({ id: created?.id, status: spelling, paymentUrl: expect.stringContaining('/pay/') });
    // Paid: active, no link.
    await fetch(String(created?.paymentUrl), { redirect: 'manual' });
    expect(await mod.ensureCustomer({ externalId, name: 'Ada' })).toMatchObject({ status: 'active', paymentUrl: null });
  });

  test("onError 'log': one log line, the hook, and null when billing is down; 'fail' throws after retrying", async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const seen: Array<{ message: string; operation: string }> = [];
    mod.onBillingError((error, context) => seen.push({ message: error.message, operation: context.operation }));
    await sandbox.fault({ method: 'POST', path: '/customers', status: 503, count: 3 });
    expect(await mod.ensureCustomer({ externalId: uid(), products: ['chat'] })).toBeNull();
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0][0])).toMatch(/^\[billing\] ensureCustomer failed: /);
    expect(seen).toEqual([{ message: expect.any(String), operation: 'ensureCustomer' }]);
    // The create is retried with the same body (a repeat is resolved as a duplicate).
    const posts = await sandbox.requests('POST', '/customers');
    expect(posts.map((r) => r.status)).toEqual([503, 503, 503]);
    expect(new Set(posts.map((r) => JSON.stringify(r.body))).size).toBe(1);

    await sandbox.fault({ method: 'POST', path: '/customers', network: true, count: 3 });
    const error = await strict.ensureCustomer({ externalId: uid(), products: ['chat'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(strict.BillingError);
    expect((error as { status: unknown }).status).toBeNull();
    expect((error as Error).message).toMatch(/unreachable/);
  });

  test('a create answered 502 is retried and succeeds', async () => {
    const externalId = uid();
    await sandbox.fault({ method: 'POST', path: '/customers', status: 502, count: 1 });
    const created = await strict.ensureCustomer({ externalId, products: ['chat'] });
    expect(created?.id).toMatch(/^cust_/);
    expect((await sandbox.requests('POST', '/customers')).map((r) => r.status)).toEqual([502, 201]);
  });

  test('portal sessions: a pre-signed link for a Credyt id or an external id', async () => {
    const externalId = uid();
    const created = await mod.ensureCustomer({ externalId, products: ['chat'] });
    const session = await mod.createPortalSession({ customer: String(created?.id), returnUrl: '/billing', failureUrl: 'https://app.example/oops' });
    expect(session.redirectUrl.startsWith(`${sandbox.url}/portal/`)).toBe(true);
    const minutes = (Date.parse(session.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(8);
    expect(minutes).toBeLessThanOrEqual(10);
    const [post] = await sandbox.requests('POST', '/billing-portal/sessions');
    expect(post.body).toEqual({ customer_id: created?.id, return_url: 'http://app.test/billing', failure_url: 'https://app.example/oops' });

    const byExternalId = await mod.billing.createPortalSession({ customer: { externalId }, returnUrl: '/b', failureUrl: '/f' });
    expect(byExternalId.redirectUrl).toContain('/portal/');

    const error = await mod.createPortalSession({ customer: 'cust_missing', returnUrl: '/b', failureUrl: '/f' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(mod.BillingError);
    expect(error).toMatchObject({ status: 422, detail: expect.stringContaining('cust_missing') });
  });
});

describe.each(FORMS)('$language/$module module: configuration at call time', (form) => {
  test('importing without CREDYT_API_KEY works; a gate follows gates.onUnavailable and says why once, loudly; events fail naming the variable', async () => {
    const key = process.env.CREDYT_API_KEY;
    delete process.env.CREDYT_API_KEY;
    try {
      const mod = await loadBillingModule(scratch.dir, form, testConfig());
      const deny = await loadBillingModule(scratch.dir, form, testConfig({ gates: { onUnavailable: 'deny', topUpUrl: '/billing' } }));
      const strict = await loadBillingModule(scratch.dir, form, testConfig({ usage: { onError: 'fail' } }));
      const log = vi.spyOn(console, 'error').mockImplementation(() => {});
      expect(await mod.checkBalance({ customer: 'cust_1', estimate: 1 })).toMatchObject({ allowed: true });
      expect(await deny.checkBalance({ customer: 'cust_1', estimate: 1 })).toMatchObject({ allowed: false });
      expect(String(log.mock.calls[0][0])).toMatch(/CREDYT_API_KEY is not set[\s\S]*\[billing\] every billing call fails until CREDYT_API_KEY is set/);
      // Explained once per module: the second check logs the failure in one line.
      await mod.checkBalance({ customer: 'cust_1', estimate: 1 });
      expect(String(log.mock.calls.at(-1)?.[0])).not.toMatch(/\n/);
      await expect(strict.trackUsage({ customer: 'cust_1', eventType: 'x' })).rejects.toThrow(/CREDYT_API_KEY/);
      expect(await mod.trackUsage({ customer: 'cust_1', eventType: 'x' })).toMatchObject({ ok: false });
      expect(await sandbox.requests()).toEqual([]);
    } finally {
      process.env.CREDYT_API_KEY = key;
    }
  });

  test('CREDYT_API_URL is read per call and a trailing slash is tolerated', async () => {
    const mod = await loadBillingModule(scratch.dir, form, testConfig());
    process.env.CREDYT_API_URL = `${sandbox.url}/`;
    try {
      expect(await mod.ensureCustomer({ externalId: uid(), products: ['chat'] })).toMatchObject({ status: 'active' });
      expect((await sandbox.requests()).map((r) => r.path)).toEqual(['/customers']);
    } finally {
      process.env.CREDYT_API_URL = sandbox.url;
    }
  });
});
