// The generated billing module, each of its four forms loaded for real, against the real sandbox: the app's
// own id expression goes in as is. Numbers (SQL ids) are sent as strings; no id (null, undefined, '') is a
// signed-out request, which bills no one and never reaches Credyt, whatever the policies say.
import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import {
  type BillingModule,
  FORMS,
  loadBillingModule,
  moduleTestSetup,
  testConfig,
  unreachableUrl,
} from './helpers.js';

const { sandbox, scratch } = moduleTestSetup();

/** A fresh auto-increment-like id (the module instances cache ids across tests). */
const numericId = () => randomInt(1, 2 ** 31);
const NO_IDS = [null, undefined, ''] as const;

describe.each(FORMS)('$language/$module module: ids', (form) => {
  let mod: BillingModule; // every policy lenient: customers/usage 'log', gates 'allow', createOnFirstUse
  let strict: BillingModule; // customers/usage 'fail', gates 'deny', no createOnFirstUse

  beforeAll(async () => {
    mod = await loadBillingModule(scratch.dir, form, testConfig());
    strict = await loadBillingModule(
      scratch.dir,
      form,
      testConfig({
        customers: { onError: 'fail', createOnFirstUse: false },
        usage: { onError: 'fail' },
        gates: { onUnavailable: 'deny', topUpUrl: '/billing' },
      }),
    );
  });

  test('a number externalId is sent as a string and names the same customer everywhere', async () => {
    const userId = numericId();
    const created = await mod.ensureCustomer({ externalId: userId, products: ['chat'] });
    expect(created).toMatchObject({ id: expect.stringMatching(/^cust_/), externalId: String(userId), status: 'active' });
    const [post] = await sandbox.requests('POST', '/customers');
    expect(post.body).toMatchObject({ external_id: String(userId), name: String(userId) });
    // Found again by its string form: the same customer, not a second one.
    expect(await strict.ensureCustomer({ externalId: String(userId), products: ['chat'] })).toMatchObject({ id: created?.id });

    const tracked = await strict.trackUsage({ customer: { externalId: userId }, eventType: 'message_completed', data: { total_tokens: 1 } });
    expect(tracked.ok).toBe(true);
    expect((await sandbox.requests('POST', '/events')).map((r) => r.body.customer_id)).toEqual([created?.id]);
    expect((await sandbox.requests('GET', '/customers')).map((r) => r.query.external_id)).toEqual([String(userId)]);

    await sandbox.fund(String(created?.id), 5); // less the one token billed above
    expect(await strict.checkBalance({ customer: { externalId: userId }, estimate: 1 })).toMatchObject({ allowed: true, available: 4.999 });
    expect(await mod.getBalance({ customer: { externalId: userId } })).toMatchObject({ available: 4.999 });
    expect(await sandbox.requests('POST', '/customers')).toHaveLength(2); // the two ensureCustomer calls only
  });

  test('a null name or email (a nullable column) is left out, never sent as null', async () => {
    const userId = numericId();
    const created = await strict.ensureCustomer({ externalId: userId, name: null, email: null, products: ['chat'] });
    expect(created).toMatchObject({ externalId: String(userId) });
    const [post] = await sandbox.requests('POST', '/customers');
    expect(post.body).toMatchObject({ external_id: String(userId), name: String(userId) });
    expect(post.body).not.toHaveProperty('email');
  });

  test('first use creates the customer under the number as a string (createOnFirstUse)', async () => {
    const userId = numericId();
    expect(await mod.trackUsage({ customer: { externalId: userId }, eventType: 'message_completed' })).toMatchObject({ ok: true });
    const [post] = await sandbox.requests('POST', '/customers');
    expect(post).toMatchObject({ status: 201, body: { external_id: String(userId) } });
  });

  describe.each(NO_IDS)('externalId %j: no signed-in customer', (missing) => {
    test("trackUsage sends nothing, logs one line, tells the hook and resolves ok: false ('log')", async () => {
      const log = vi.spyOn(console, 'error').mockImplementation(() => {});
      const seen: unknown[] = [];
      mod.onBillingError((error, context) => seen.push({ name: error.name, operation: context.operation }));
      const result = await mod.trackUsage({ customer: { externalId: missing }, eventType: 'message_completed' });
      expect(result).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), ok: false });
      expect(log).toHaveBeenCalledTimes(1);
      expect(String(log.mock.calls[0][0])).toBe(
        `[billing] trackUsage failed (event ${result.id}): No signed-in customer to bill: the customer id is null, undefined or empty.`,
      );
      expect(seen).toEqual([{ name: 'BillingError', operation: 'trackUsage' }]);
      expect(await sandbox.requests()).toEqual([]);
    });

    test("trackUsage rejects with a BillingError under usage.onError 'fail'", async () => {
      const error = await strict.trackUsage({ customer: { externalId: missing }, eventType: 'message_completed' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(strict.BillingError);
      expect(error).toMatchObject({ status: null, message: expect.stringMatching(/^No signed-in customer to bill/) });
      expect(await sandbox.requests()).toEqual([]);
    });

    test("checkBalance refuses without a call, even under gates.onUnavailable 'allow' and with billing down", async () => {
      const log = vi.spyOn(console, 'error').mockImplementation(() => {});
      const message = 'No signed-in customer to bill.';
      const refused = { allowed: false, available: 0, required: 0.5, message, topUpUrl: '/billing' };
      const expected = { ...refused, body: { error: message, available: 0, required: 0.5, topUpUrl: '/billing' } };
      expect(await mod.checkBalance({ customer: { externalId: missing }, estimate: 0.5 })).toEqual(expected);
      expect(await strict.checkBalance({ customer: { externalId: missing }, estimate: 0.5 })).toEqual(expected);
      process.env.CREDYT_API_URL = await unreachableUrl();
      expect(await mod.checkBalance({ customer: { externalId: missing }, estimate: 0.5 })).toEqual(expected);
      expect(log).not.toHaveBeenCalled();
      expect(await sandbox.requests()).toEqual([]);
    });

    test("ensureCustomer follows customers.onError: null and one log line ('log'), a BillingError ('fail')", async () => {
      const log = vi.spyOn(console, 'error').mockImplementation(() => {});
      expect(await mod.ensureCustomer({ externalId: missing, email: 'ada@example.com' })).toBeNull();
      expect(log).toHaveBeenCalledTimes(1);
      expect(String(log.mock.calls[0][0])).toMatch(/^\[billing\] ensureCustomer failed: No signed-in customer to bill/);
      const error = await strict.ensureCustomer({ externalId: missing }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(strict.BillingError);
      expect((error as Error).message).toMatch(/^No signed-in customer to bill/);
      expect(await sandbox.requests()).toEqual([]);
    });

    test('getBalance answers null; createPortalSession throws a BillingError', async () => {
      expect(await mod.getBalance({ customer: { externalId: missing } })).toBeNull();
      const error = await mod.createPortalSession({ customer: { externalId: missing }, returnUrl: '/b', failureUrl: '/f' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(mod.BillingError);
      expect((error as Error).message).toMatch(/^No signed-in customer to bill/);
      expect(await sandbox.requests()).toEqual([]);
    });
  });

  test("an empty Credyt id ('') is no customer either", async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await mod.trackUsage({ customer: '', eventType: 'message_completed' })).toMatchObject({ ok: false });
    expect(await mod.checkBalance({ customer: '', estimate: 1 })).toMatchObject({ allowed: false, message: 'No signed-in customer to bill.' });
    expect(await mod.getBalance({ customer: '' })).toBeNull();
    expect(log).toHaveBeenCalledTimes(1);
    expect(await sandbox.requests()).toEqual([]);
  });
});
