// The generated billing module, each of its four forms loaded for real, against the real sandbox: usage
// events (retries keep the event id), balance gates (Credyt wallets may go negative), balances, and webhook
// signatures (synthetic, and a real delivery from the sandbox).
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { startReceiver } from '../sandbox/receiver.js';
import {
  type BillingModule,
  FORMS,
  loadBillingModule,
  moduleTestSetup,
  testConfig,
  uid,
  unreachableUrl,
} from './helpers.js';

const { sandbox, scratch } = moduleTestSetup();

async function whileDown<T>(run: () => Promise<T>): Promise<T> {
  process.env.CREDYT_API_URL = await unreachableUrl();
  try {
    return await run();
  } finally {
    process.env.CREDYT_API_URL = sandbox.url;
  }
}

describe.each(FORMS)('$language/$module module', (form) => {
  let mod: BillingModule; // usage 'log', gates 'allow', createOnFirstUse
  let strict: BillingModule; // usage 'fail', gates 'deny', no createOnFirstUse
  let customerId: string;

  beforeAll(async () => {
    mod = await loadBillingModule(scratch.dir, form, testConfig());
    const policies = { usage: { onError: 'fail' as const }, gates: { onUnavailable: 'deny' as const, topUpUrl: '/billing' } };
    strict = await loadBillingModule(scratch.dir, form, testConfig({ ...policies, customers: { onError: 'fail', createOnFirstUse: false } }));
  });
  beforeEach(async () => {
    const created = await mod.ensureCustomer({ externalId: uid(), products: ['chat'] });
    customerId = String(created?.id);
    await sandbox.api.delete('/_sandbox/requests');
  });

  describe('trackUsage', () => {
    test('sends costs with the event; costs Credyt refuses never lose the event: it is sent again without them, once', async () => {
      await sandbox.api.post('/vendors', { name: 'OpenAI', external_id: 'openai' }).catch(() => undefined);
      const cost = (vendor: string) => [{ id: uid(), vendor_external_id: vendor, description: 'openai gpt-4o-mini', amount: 0.0004, currency: 'USD', metadata: { model: 'gpt-4o-mini' } }];
      const kept = await mod.trackUsage({ customer: customerId, eventType: 'message_completed', data: { total_tokens: 10 }, costs: cost('openai') });
      expect(kept.ok).toBe(true);
      expect((await sandbox.api.get(`/events/${kept.id}`)).body.costs).toHaveLength(1);

      await sandbox.api.delete('/_sandbox/requests');
      const errors: string[] = [];
      mod.onBillingError((error, context) => errors.push(`${context.operation}: ${(error as Error).message}`));
      const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const refused = await mod.trackUsage({ customer: customerId, eventType: 'message_completed', data: { total_tokens: 10 }, costs: cost('no-such-vendor') });
      quiet.mockRestore();
      mod.onBillingError(() => undefined);
      expect(refused.ok).toBe(true);
      const posts = await sandbox.requests('POST', '/events');
      expect(posts.map((p) => p.body.events[0].id)).toEqual([refused.id, refused.id]);
      expect(posts[1].body.events[0].costs).toBeUndefined();
      expect((await sandbox.api.get(`/events/${refused.id}`)).body.fees).toHaveLength(1);
      expect(errors).toEqual([expect.stringMatching(/^trackUsage \(costs refused, sent without them\): /)]);
    });

    test('sends one event with its own id, billed once', async () => {
      const occurredAt = new Date('2026-01-02T03:04:05Z');
      const data = { total_tokens: 1000, model: 'gpt-4' };
      const result = await mod.trackUsage({ customer: customerId, eventType: 'message_completed', data, subject: 'chat_1', occurredAt });
      expect(result).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), ok: true });
      const [post] = await sandbox.requests('POST', '/events');
      expect(post.body).toEqual({
        customer_id: customerId,
        events: [{ id: result.id, event_type: 'message_completed', occurred_at: '2026-01-02T03:04:05.000Z', subject: 'chat_1', data }],
      });
      expect((await sandbox.api.get(`/customers/${customerId}/wallet/default:USD`)).body.available).toBe(-1);
      const second = await mod.billing.trackUsage({ customer: customerId, eventType: 'message_completed' });
      expect(second.id).not.toBe(result.id);
      expect(Date.now() - Date.parse((await sandbox.requests('POST', '/events'))[1].body.events[0].occurred_at)).toBeLessThan(60_000);
    });

    test('resolves { externalId } to the Credyt id, looking it up once', async () => {
      const externalId = uid();
      const created = await mod.ensureCustomer({ externalId, products: ['chat'] });
      await strict.trackUsage({ customer: { externalId }, eventType: 'message_completed', data: { total_tokens: 1 } });
      await strict.trackUsage({ customer: { externalId }, eventType: 'message_completed', data: { total_tokens: 1 } });
      expect((await sandbox.requests('POST', '/events')).map((r) => r.body.customer_id)).toEqual([created?.id, created?.id]);
      expect((await sandbox.requests('GET', '/customers')).map((r) => r.query.external_id)).toEqual([externalId]);
    });

    test('retries 503s and a dropped connection with the same event id', async () => {
      await sandbox.fault({ method: 'POST', path: '/events', status: 503, count: 2 });
      const first = await strict.trackUsage({ customer: customerId, eventType: 'message_completed', data: { total_tokens: 10 } });
      await sandbox.fault({ method: 'POST', path: '/events', network: true, count: 1 });
      const second = await strict.trackUsage({ customer: customerId, eventType: 'message_completed', data: { total_tokens: 10 } });
      expect([first.ok, second.ok]).toEqual([true, true]);
      const posts = await sandbox.requests('POST', '/events');
      expect(posts.map((r) => [r.body.events[0].id, r.fault ?? r.status])).toEqual([
        [first.id, 'status'],
        [first.id, 'status'],
        [first.id, 201],
        [second.id, 'network'],
        [second.id, 201],
      ]);
      expect(new Set(posts.map((r) => r.body.events[0].occurred_at)).size).toBe(2);
      // Billed once each.
      expect((await sandbox.api.get(`/events?customer_id=${customerId}`)).body.items).toHaveLength(2);
    });

    test('honours Retry-After on a 429, resending the same body', async () => {
      const bodies: string[] = [];
      const server = createServer((req, res) => {
        let raw = '';
        req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
        req.on('end', () => {
          bodies.push(raw);
          if (bodies.length === 1) res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/problem+json' }).end('{"title":"Too Many Requests"}');
          else res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      process.env.CREDYT_API_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      try {
        const started = Date.now();
        expect(await strict.trackUsage({ customer: 'cust_1', eventType: 'message_completed' })).toMatchObject({ ok: true });
        expect(Date.now() - started).toBeGreaterThanOrEqual(950);
        expect(bodies).toHaveLength(2);
        expect(bodies[1]).toBe(bodies[0]);
      } finally {
        server.close();
      }
    });

    test('a refused event is not retried', async () => {
      await sandbox.fault({ method: 'POST', path: '/events', status: 400, count: 1 });
      const error = await strict.trackUsage({ customer: customerId, eventType: 'message_completed' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'BillingError', status: 400 });
      expect(await sandbox.requests('POST', '/events')).toHaveLength(1);
    });

    test("usage.onError 'log' never rejects when billing is down: one log line with the event id, and the hook", async () => {
      const log = vi.spyOn(console, 'error').mockImplementation(() => {});
      const seen: unknown[] = [];
      mod.onBillingError((error, context) => seen.push({ error: error.name, ...context }));
      const result = await whileDown(() => mod.trackUsage({ customer: { externalId: uid() }, eventType: 'message_completed' }));
      expect(result).toEqual({ id: expect.any(String), ok: false });
      expect(log).toHaveBeenCalledTimes(1);
      expect(String(log.mock.calls[0][0])).toContain(`[billing] trackUsage failed (event ${result.id}): Credyt API unreachable`);
      expect(seen).toEqual([{ error: 'BillingError', operation: 'trackUsage', eventId: result.id, customer: { externalId: expect.any(String) } }]);

      const error = await whileDown(() => strict.trackUsage({ customer: customerId, eventType: 'message_completed' })).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'BillingError', status: null });
    });
  });

  describe('checkBalance', () => {
    test('a funded wallet covering the estimate is allowed', async () => {
      await sandbox.fund(customerId, 10);
      expect(await mod.checkBalance({ customer: customerId, estimate: 0.5 })).toEqual({
        allowed: true,
        available: 10,
        required: 0.5,
        message: 'OK',
        topUpUrl: '/billing',
        body: { error: 'OK', available: 10, required: 0.5, topUpUrl: '/billing' },
      });
      expect(await mod.billing.checkBalance({ customer: customerId, estimate: 10 })).toMatchObject({ allowed: true });
      expect(await mod.checkBalance({ customer: customerId, estimate: 10.01 })).toMatchObject({ allowed: false, required: 10.01 });
      // A zero estimate still needs a positive balance, which this wallet has.
      expect(await mod.checkBalance({ customer: customerId, estimate: 0 })).toMatchObject({ allowed: true, required: 0.01 });
    });

    test('an empty wallet is refused, whatever the estimate; `body` is the 402 answer', async () => {
      const refused = await mod.checkBalance({ customer: customerId, estimate: 0.5 });
      const message = 'Insufficient balance: 0 USD available, 0.5 needed. Please top up.';
      expect(refused).toEqual({
        allowed: false,
        available: 0,
        required: 0.5,
        message,
        topUpUrl: '/billing',
        body: { error: message, available: 0, required: 0.5, topUpUrl: '/billing' },
      });
      // Plain JSON: what res.status(402).json(balance.body) sends is the body itself.
      expect(JSON.parse(JSON.stringify(refused.body))).toEqual(refused.body);
      expect(await mod.checkBalance({ customer: customerId, estimate: 0 })).toMatchObject({ allowed: false, available: 0, required: 0.01 });
      const missing = await mod.checkBalance({ customer: customerId } as { customer: string; estimate: number });
      expect(missing).toMatchObject({ allowed: false, required: 0.01 });
    });

    test('topUpUrl comes from gates.topUpUrl', async () => {
      const config = testConfig({ gates: { onUnavailable: 'allow', topUpUrl: 'https://app.example/credits?from=402' } });
      const custom = await loadBillingModule(scratch.dir, form, config);
      const refused = await custom.checkBalance({ customer: customerId, estimate: 2 });
      expect(refused).toMatchObject({ allowed: false, topUpUrl: 'https://app.example/credits?from=402' });
      expect(refused.body).toEqual({ error: refused.message, available: 0, required: 2, topUpUrl: 'https://app.example/credits?from=402' });
    });

    test('a negative wallet is refused', async () => {
      await sandbox.fund(customerId, -5);
      expect(await mod.checkBalance({ customer: customerId, estimate: 0 })).toMatchObject({ allowed: false, available: -5 });
      expect(await mod.checkBalance({ customer: customerId, estimate: -10 })).toMatchObject({ allowed: false, available: -5 });
    });

    test('reads the wallet list when the single-account route answers 404', async () => {
      await sandbox.fund(customerId, 3);
      await sandbox.fault({ method: 'GET', path: `/customers/${customerId}/wallet/default`, status: 404, count: 1 });
      expect(await mod.checkBalance({ customer: customerId, estimate: 1 })).toMatchObject({ allowed: true, available: 3 });
      expect((await sandbox.requests('GET')).map((r) => r.path)).toEqual([`/customers/${customerId}/wallet/default:USD`, `/customers/${customerId}/wallet`]);
    });

    test('a user who predates billing gets a customer on first use (createOnFirstUse), and no balance', async () => {
      const externalId = uid('old_user');
      expect(await mod.checkBalance({ customer: { externalId }, estimate: 1 })).toMatchObject({ allowed: false, available: 0 });
      const [post] = await sandbox.requests('POST', '/customers');
      expect(post).toMatchObject({ status: 201, body: { external_id: externalId } });
      // Without createOnFirstUse: refused, nothing created.
      expect(await strict.checkBalance({ customer: { externalId: uid() }, estimate: 1 })).toMatchObject({ allowed: false, available: 0 });
      expect(await sandbox.requests('POST', '/customers')).toHaveLength(1);
    });

    test("billing unreachable: gates.onUnavailable 'allow' lets the call through (logged), 'deny' refuses", async () => {
      const log = vi.spyOn(console, 'error').mockImplementation(() => {});
      const allowed = await whileDown(() => mod.checkBalance({ customer: customerId, estimate: 1 }));
      expect(allowed).toMatchObject({ allowed: true, message: expect.stringMatching(/unavailable/) });
      expect(log).toHaveBeenCalledTimes(1);
      const denied = await whileDown(() => strict.checkBalance({ customer: customerId, estimate: 1 }));
      expect(denied).toMatchObject({ allowed: false, message: expect.stringMatching(/unavailable/) });
      expect(denied.body).toEqual({ error: denied.message, available: 0, required: 1, topUpUrl: '/billing' });
      // 5xx after retries counts as unavailable too.
      await sandbox.fault({ method: 'GET', path: '/customers/', status: 503, count: 3 });
      expect(await strict.checkBalance({ customer: customerId, estimate: 1 })).toMatchObject({ allowed: false });
      expect(await sandbox.requests('GET')).toHaveLength(3);
    });
  });

  test('getBalance: the account and the wallet, or null for an unknown customer', async () => {
    await sandbox.fund(customerId, 7.5);
    const accounts = [{ asset: 'USD', available: 7.5 }];
    expect(await mod.getBalance({ customer: customerId })).toEqual({ asset: 'USD', available: 7.5, pendingIn: 0, pendingOut: 0, accounts });
    // No account in that asset: nothing available in it; the wallet's accounts are still listed.
    expect(await mod.billing.getBalance({ customer: customerId, asset: 'EUR' })).toEqual({ asset: 'EUR', available: 0, pendingIn: 0, pendingOut: 0, accounts });
    expect(await mod.getBalance({ customer: { externalId: uid() } })).toBeNull();
    expect(await sandbox.requests('POST', '/customers')).toHaveLength(0);
  });

  describe('verifyWebhook', () => {
    const secret = 'whsec_test_secret';
    const body = JSON.stringify({ id: 'evt_1', type: 'subscription.activated', data: { customer_id: 'cust_1' } });
    const now = 1_770_000_000;
    const sign = (t: number | string, raw = body, key = secret) => createHmac('sha256', key).update(`${t}.${raw}`).digest('hex');

    test('accepts a good signature, on a string or bytes', () => {
      expect(mod.verifyWebhook(body, `t=${now},v0=${sign(now)}`, secret, { now })).toBe(true);
      expect(mod.billing.verifyWebhook(new TextEncoder().encode(body), `t=${now},v0=${sign(now)}`, secret, { now })).toBe(true);
      // Several signatures (a rotated secret) and spaces are fine.
      expect(mod.verifyWebhook(body, ` t=${now}, v0=${sign(now, body, 'old')} , v0=${sign(now)}`, secret, { now })).toBe(true);
    });

    test('rejects a bad signature, another body or another secret', () => {
      expect(mod.verifyWebhook(body, `t=${now},v0=${'0'.repeat(64)}`, secret, { now })).toBe(false);
      expect(mod.verifyWebhook(`${body} `, `t=${now},v0=${sign(now)}`, secret, { now })).toBe(false);
      expect(mod.verifyWebhook(body, `t=${now},v0=${sign(now)}`, 'whsec_other', { now })).toBe(false);
      expect(mod.verifyWebhook(body, `t=${now + 1},v0=${sign(now)}`, secret, { now })).toBe(false);
    });

    test('rejects stale and future timestamps beyond the tolerance', () => {
      const header = `t=${now},v0=${sign(now)}`;
      expect(mod.verifyWebhook(body, header, secret, { now: now + 301 })).toBe(false);
      expect(mod.verifyWebhook(body, header, secret, { now: now - 301 })).toBe(false);
      expect(mod.verifyWebhook(body, header, secret, { now: now + 299 })).toBe(true);
      expect(mod.verifyWebhook(body, header, secret, { now: now + 100, toleranceSeconds: 60 })).toBe(false);
      expect(mod.verifyWebhook(body, header, secret)).toBe(false); // the real clock: years later
    });

    test('rejects malformed headers without throwing', () => {
      for (const header of [null, undefined, '', 'garbage', `v0=${sign(now)}`, `t=${now}`, `t=abc,v0=${sign('abc')}`, `t=${now},v0=${sign(now).slice(2)}`, `t=${now},v0=zz${sign(now).slice(2)}`, `t=${now},v1=${sign(now)}`]) {
        expect(mod.verifyWebhook(body, header, secret, { now })).toBe(false);
      }
      expect(() => mod.verifyWebhook(body, `t=${now},v0=${sign(now)}`, '', { now })).toThrow(/secret/);
    });

    test('verifies a real delivery from the sandbox', async () => {
      const receiver = await startReceiver();
      try {
        const { body: hook } = await sandbox.api.post('/webhooks', { url: receiver.url });
        const pending = await mod.ensureCustomer({ externalId: uid(), products: ['pro'] });
        await fetch(String(pending?.paymentUrl), { redirect: 'manual' });
        for (let i = 0; i < 200 && receiver.received.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
        const [delivery] = receiver.received;
        const header = String(delivery.headers['credyt-signature']);
        expect(mod.verifyWebhook(delivery.raw, header, hook.secret)).toBe(true);
        expect(mod.verifyWebhook(delivery.raw.replace('subscription', 'Subscription'), header, hook.secret)).toBe(false);
      } finally {
        await receiver.close();
      }
    });
  });
});
