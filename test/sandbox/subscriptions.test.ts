import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { balance, client, customer, event, eventually, start } from './helpers.js';
import { type Receiver, startReceiver } from './receiver.js';

const receivers: Receiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

async function receiver(statuses?: number[]): Promise<Receiver> {
  const started = await startReceiver(statuses);
  receivers.push(started);
  return started;
}

/** Verifies `Credyt-Signature: t=<unix>,v0=<hex>` the way an app would, independently of the sandbox's code. */
function verify(header: string, secret: string, raw: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=') as [string, string]));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${raw}`).digest();
  const given = Buffer.from(parts.v0 ?? '', 'hex');
  return /^\d+$/.test(parts.t ?? '') && given.length === expected.length && timingSafeEqual(given, expected);
}

describe('sandbox fixed-fee subscriptions', () => {
  it('starts pending with a payment link; paying activates it, delivers a signed subscription.activated and redirects', async () => {
    const { sandbox, api } = await start();
    const hooks = await receiver();
    const registered = await api.post('/webhooks', { url: hooks.url, topics: ['*'] });
    expect(registered.status).toBe(201);
    expect(registered.body.id).toMatch(/^whd_/);
    expect(registered.body.secret).toMatch(/^whsec_/);

    const created = await api.post('/customers', {
      name: 'Ada',
      external_id: 'user_pro',
      subscriptions: [{ products: [{ code: 'pro' }], return_url: 'https://app.example/welcome', failure_url: 'https://app.example/failed', redirect_to: 'return_url' }],
    });
    expect(created.status).toBe(201);
    const [subscription] = created.body.subscriptions;
    expect(subscription.status).toBe('pending');
    expect(subscription.started_at).toBeNull();
    expect(subscription.required_actions).toEqual([{ type: 'payment', redirect_url: expect.stringMatching(`^${sandbox.url}/pay/`) }]);
    const accounts = (await api.get(`/customers/${created.body.id}/wallet`)).body.accounts.map((account: { id: string }) => account.id);
    expect(accounts.sort()).toEqual(['default:CREDIT', 'default:USD']);

    // Usage before payment is accepted but not billed.
    await api.post('/events', { customer_id: created.body.id, events: [event('pro_call', {}, 'before-payment')] });
    expect((await api.get('/events/before-payment')).body.fees).toEqual([]);
    expect(hooks.received).toHaveLength(0);

    // The customer's browser follows the link: no API key.
    const paid = await client(sandbox.url).get(new URL(subscription.required_actions[0].redirect_url).pathname);
    expect(paid.status).toBe(302);
    expect(paid.headers.get('location')).toBe('https://app.example/welcome');

    const after = await api.get(`/customers/${created.body.id}`);
    expect(after.body.subscriptions[0].status).toBe('active');
    expect(after.body.subscriptions[0].required_actions).toBeUndefined();
    expect(typeof after.body.subscriptions[0].started_at).toBe('string');

    const delivery = await eventually(async () => hooks.received[0]);
    const signature = delivery.headers['credyt-signature'] as string;
    expect(signature).toMatch(/^t=\d+,v0=[0-9a-f]{64}$/);
    expect(verify(signature, registered.body.secret, delivery.raw)).toBe(true);
    expect(verify(signature, 'whsec_wrong', delivery.raw)).toBe(false);
    const envelope = JSON.parse(delivery.raw);
    expect(envelope).toMatchObject({
      type: 'subscription.activated',
      live_mode: false,
      data: { customer_id: created.body.id, subscription_id: subscription.id, occurred_at: after.body.subscriptions[0].started_at },
    });
    expect(envelope.id).toMatch(/^evt_/);
    expect(Number.isNaN(Date.parse(envelope.created))).toBe(false);

    // Now usage is billed, and paying twice changes nothing.
    await api.post('/events', { customer_id: created.body.id, events: [event('pro_call')] });
    expect(await balance(api, created.body.id, 'default:CREDIT')).toBe(-2);
    expect((await client(sandbox.url).get(new URL(subscription.required_actions[0].redirect_url).pathname)).status).toBe(302);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(hooks.received).toHaveLength(1);
  });

  it('spells pending as action_required under the pendingStatus quirk, and re-issues a fresh link on each read', async () => {
    const { api, admin } = await start();
    await admin.post('/_sandbox/quirks', { pendingStatus: 'action_required' });
    const id = await customer(api, ['pro']);
    const first = await api.get(`/customers/${id}`);
    expect(first.body.subscriptions[0].status).toBe('action_required');
    await admin.post('/_sandbox/clock', { advanceSeconds: 5 });
    const second = await api.get(`/customers/${id}`);
    expect(second.body.subscriptions[0].required_actions[0].redirect_url).not.toBe(first.body.subscriptions[0].required_actions[0].redirect_url);
  });

  it('shows a paid page when the subscription has no return_url', async () => {
    const { sandbox, api } = await start();
    const created = await api.post('/customers', { name: 'Ada', subscriptions: [{ products: [{ code: 'pro' }] }] });
    const page = await client(sandbox.url).get(new URL(created.body.subscriptions[0].required_actions[0].redirect_url).pathname);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('Payment complete');
    expect((await client(sandbox.url).get('/pay/not-a-token')).status).toBe(410);
  });

  it('retries a failing webhook receiver with backoff and records every attempt', async () => {
    const { api, admin } = await start();
    const hooks = await receiver([500, 503]);
    await api.post('/webhooks', { url: hooks.url });
    await customer(api, ['chat']); // active at once: subscription.activated right away
    const attempts = await eventually(async () => {
      const log = (await admin.get('/_sandbox/deliveries')).body as Array<{ attempt: number; status: number; ok: boolean }>;
      return log.length >= 3 ? log : undefined;
    });
    expect(attempts.map((attempt) => [attempt.attempt, attempt.status, attempt.ok])).toEqual([
      [1, 500, false],
      [2, 503, false],
      [3, 200, true],
    ]);
    expect(hooks.received).toHaveLength(3);
    expect(new Set(hooks.received.map((entry) => JSON.parse(entry.raw).id)).size).toBe(1);
  });

  it('signs with the real clock even after the sandbox clock was moved, so receivers accept the timestamp', async () => {
    const { api, admin } = await start();
    const hooks = await receiver();
    await api.post('/webhooks', { url: hooks.url });
    await admin.post('/_sandbox/clock', { advanceSeconds: 3600 });
    await customer(api, ['chat']);
    const delivery = await eventually(async () => hooks.received[0]);
    const t = Number(/t=(\d+)/.exec(delivery.headers['credyt-signature'] as string)?.[1]);
    expect(Math.abs(t - Date.now() / 1000)).toBeLessThan(60);
    expect(Date.parse(JSON.parse(delivery.raw).created) - Date.now()).toBeGreaterThan(3500_000);
  });

  it('records a network failure to deliver, and only delivers topics a destination asked for', async () => {
    const { api, admin } = await start({ webhookRetryDelaysMs: [] });
    const closed = await startReceiver();
    await closed.close();
    await api.post('/webhooks', { url: closed.url });
    const other = await receiver();
    await api.post('/webhooks', { url: other.url, topics: ['balance.low'] });
    await customer(api, ['chat']);
    const attempts = await eventually(async () => {
      const log = (await admin.get('/_sandbox/deliveries')).body as Array<{ status: number | null; error?: string }>;
      return log.length >= 1 ? log : undefined;
    });
    expect(attempts[0].status).toBeNull();
    expect(attempts[0].error).toBeTruthy();
    expect(other.received).toHaveLength(0);
  });
});
