// The generated billing module under faults, against the sandbox's fault endpoints: an API that accepts
// connections and never answers, a proxy's HTML page answered with 200, a wrong key, a customer re-created
// in Credyt, concurrent first uses, replayed webhooks. The times asserted are bounds (generous for slow
// machines), checking that a request never waits much past the budget.
import { createHmac } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { type BillingModule, FORMS, loadBillingModule, moduleTestSetup, testConfig, uid } from './helpers.js';

const { sandbox, scratch } = moduleTestSetup();
const BUDGET_MS = 500;

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

// The forms share one behaviour; two are enough to show it holds for ESM and CommonJS, TS and JS alike.
describe.each([FORMS[0], FORMS[3]])('$language/$module module under faults', (form) => {
  let mod: BillingModule; // gates allow, customers log
  let deny: BillingModule; // gates deny

  beforeAll(async () => {
    mod = await loadBillingModule(scratch.dir, form, { ...testConfig(), requestBudgetMs: BUDGET_MS });
    deny = await loadBillingModule(scratch.dir, form, { ...testConfig({ gates: { onUnavailable: 'deny', topUpUrl: '/billing' } }), requestBudgetMs: BUDGET_MS });
  });
  afterEach(async () => {
    await sandbox.api.delete('/_sandbox/faults');
  });

  test('an API that never answers: a gate and a signup wait at most the budget, then follow their policy', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const customer = await mod.ensureCustomer({ externalId: uid(), products: ['chat'] });
    await sandbox.fault({ path: '/', hang: true, count: 50 });
    const gate = await timed(() => mod.checkBalance({ customer: { externalId: customer?.externalId ?? '' }, estimate: 1 }));
    expect(gate.value).toMatchObject({ allowed: true, message: expect.stringMatching(/unavailable/) });
    expect(gate.ms).toBeLessThan(BUDGET_MS + 1500);
    const refused = await timed(() => deny.checkBalance({ customer: { externalId: uid() }, estimate: 1 }));
    expect(refused.value).toMatchObject({ allowed: false });
    expect(refused.ms).toBeLessThan(BUDGET_MS + 1500);
    const signup = await timed(() => mod.ensureCustomer({ externalId: uid() }));
    expect(signup.value).toBeNull();
    expect(signup.ms).toBeLessThan(BUDGET_MS + 1500);
  });

  test("a proxy's HTML page answered with 200 counts as unavailable, not as an empty wallet, and nothing is cached", async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const externalId = uid();
    const created = await mod.ensureCustomer({ externalId, products: ['chat'] });
    await sandbox.fund(String(created?.id), 5);
    await sandbox.fault({ method: 'GET', path: '/customers', body: '<html><body>Please log in to the office Wi-Fi</body></html>', count: 10 });
    expect(await mod.checkBalance({ customer: String(created?.id), estimate: 1 })).toMatchObject({ allowed: true, message: expect.stringMatching(/unavailable/) });
    expect(await deny.checkBalance({ customer: String(created?.id), estimate: 1 })).toMatchObject({ allowed: false, message: expect.stringMatching(/unavailable/) });
    expect(String(log.mock.calls[0]?.[0])).toMatch(/not JSON; a proxy in the way\?/);
    await sandbox.api.delete('/_sandbox/faults');
    // A creation answered with a page is not a customer: no id is cached for it.
    await sandbox.fault({ method: 'POST', path: '/customers', body: '<html>ok</html>', count: 3 });
    expect(await mod.ensureCustomer({ externalId: uid() })).toBeNull();
    await sandbox.api.delete('/_sandbox/faults');
    expect(await mod.checkBalance({ customer: String(created?.id), estimate: 1 })).toMatchObject({ allowed: true, available: 5 });
  });

  test('a wrong or rotated key: the gate follows gates.onUnavailable and says so loudly once, never throws', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const key = process.env.CREDYT_API_KEY;
    process.env.CREDYT_API_KEY = 'key_rotated_away';
    try {
      const fresh = await loadBillingModule(scratch.dir, form, { ...testConfig(), requestBudgetMs: BUDGET_MS });
      // The sandbox takes any key unless told otherwise: a 401 fault stands for Credyt refusing it.
      await sandbox.fault({ path: '/customers', status: 401, count: 10 });
      expect(await fresh.checkBalance({ customer: { externalId: uid() }, estimate: 1 })).toMatchObject({ allowed: true });
      expect(await fresh.checkBalance({ customer: { externalId: uid() }, estimate: 1 })).toMatchObject({ allowed: true });
      const lines = log.mock.calls.map((call) => String(call[0]));
      expect(lines[0]).toMatch(/Credyt refused the API key \(wrong, revoked or rotated\): fix CREDYT_API_KEY/);
      expect(lines.filter((line) => /refused the API key/.test(line))).toHaveLength(1);
    } finally {
      process.env.CREDYT_API_KEY = key;
    }
  });

  test('a customer re-created in Credyt: the cached id is dropped on its 404 and looked up again', async () => {
    const externalId = uid();
    const first = await mod.ensureCustomer({ externalId, products: ['chat'] });
    expect(first).not.toBeNull();
    // Credyt forgets the customer (the sandbox is reset); the same user is created again with a new id.
    await sandbox.reset();
    const second = await sandbox.api.post('/customers', { external_id: externalId, name: 'again' });
    await sandbox.fund(second.body.id, 3);
    const gate = await mod.checkBalance({ customer: { externalId }, estimate: 1 });
    expect(gate).toMatchObject({ allowed: true, available: 3 });
    const event = await mod.trackUsage({ customer: { externalId }, eventType: 'message_completed', data: { total_tokens: 10 } });
    expect(event.ok).toBe(true);
  });

  test('concurrent first uses of one user share one lookup and one creation', async () => {
    await sandbox.api.delete('/_sandbox/requests');
    const externalId = uid();
    const checks = await Promise.all(Array.from({ length: 8 }, () => mod.checkBalance({ customer: { externalId }, estimate: 1 })));
    expect(checks.every((c) => c.allowed === false && c.available === 0)).toBe(true);
    expect(await sandbox.requests('POST', '/customers')).toHaveLength(1);
    expect((await sandbox.requests('GET')).filter((r) => r.path === '/customers')).toHaveLength(1);
  });

  test('webhooks: a replayed delivery verifies once with seen/firstDelivery', () => {
    const secret = 'whsec_test';
    const body = JSON.stringify({ id: `evt_${uid()}`, type: 'subscription.activated' });
    const t = Math.floor(Date.now() / 1000);
    const header = `t=${t},v0=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
    const seen = (id: string) => !mod.firstDelivery(id);
    expect(mod.verifyWebhook(body, header, secret, { seen })).toBe(true);
    expect(mod.verifyWebhook(body, header, secret, { seen })).toBe(false);
    expect(mod.verifyWebhook(body, header, secret)).toBe(true);
  });
});

describe('partial usage (a stream that stopped early)', () => {
  test('is billed at least what the estimate buys, once, and by what it counted when that is more', async () => {
    const mod = await loadBillingModule(scratch.dir, FORMS[0], testConfig());
    const customer = await mod.ensureCustomer({ externalId: uid(), products: ['chat'] });
    await sandbox.api.delete('/_sandbox/requests');
    // message_completed: estimate 0.5 USD at 0.001 USD per token, so a partial event bills at least 500 tokens.
    expect((await mod.trackUsage({ customer: String(customer?.id), eventType: 'message_completed', data: { partial: true, total_tokens: 12 } })).ok).toBe(true);
    expect((await mod.trackUsage({ customer: String(customer?.id), eventType: 'message_completed', data: { partial: true, total_tokens: 900 } })).ok).toBe(true);
    expect((await mod.trackUsage({ customer: String(customer?.id), eventType: 'message_completed', data: { total_tokens: 12 } })).ok).toBe(true);
    const sent = (await sandbox.requests('POST', '/events')).map((r) => r.body.events[0].data);
    expect(sent).toEqual([{ partial: true, total_tokens: 500 }, { partial: true, total_tokens: 900 }, { total_tokens: 12 }]);
  });
});
