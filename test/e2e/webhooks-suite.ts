// webhooks on a sample app, end to end: a monthly fixed-fee product in the config, then client-setup, customers
// and webhooks applied (its one manual step: where to activate the account), the app's own type-check, and the
// app booted with the secret of a webhook destination registered in the sandbox for its route. A signup's
// subscription waits for payment; paying it makes the sandbox deliver a signed subscription.activated, which the
// app acknowledges and hands to onSubscriptionActivated; a forged delivery gets 400 and reaches no handler; a
// replay of a delivered event is acknowledged and not handled twice.
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addFixedFee, billingApp, freePort, HttpClient, loadE2eConfig, newUser, runCli, sandboxApi, signedInUserId, signupAndSignIn, typecheck } from './harness/index.js';


interface Delivery {
  event_id: string;
  type: string;
  url: string;
  status: number | null;
}

export function webhooksSuite(name: string, timeouts = { install: 600_000, boot: 300_000, request: 180_000 }): void {
  describe(`${name}: webhooks`, () => {
    const ctx = billingApp(name, timeouts);
    let route = '';
    let secret = '';
    const booted = () => expect(ctx.server && ctx.sandbox, 'the app did not boot').toBeTruthy();
    const handled = () => (ctx.server?.logs().match(/\[billing\] subscription \S+ of customer \S+ is active/g) ?? []).length;

    it('applies client-setup, customers and webhooks; the one manual step is activating the account; a second run changes nothing', async () => {
      const results = await ctx.apply(['client-setup', 'customers', 'webhooks'], { afterInit: addFixedFee });
      for (const step of ['init', 'client-setup']) expect(results[step]!.code, `${step}: ${results[step]!.stdout}${results[step]!.stderr}`).toBe(0);
      // A callback-style signup cannot always be handed the payment URL: that manual step is the customers area's.
      expect([0, 3], `customers: ${results.customers!.stdout}${results.customers!.stderr}`).toContain(results.customers!.code);
      expect(results.webhooks!.code, results.webhooks!.stdout + results.webhooks!.stderr).toBe(3);
      expect(results.webhooks!.stdout).toMatch(/activate the account in onSubscriptionActivated/);
      const again = JSON.parse((await runCli(['apply', 'webhooks', ctx.app.dir, '--dry-run', '--json'], ctx.app.dir)).stdout);
      expect(again.changes, 'a second run changes nothing').toEqual([]);
      route = /serves: (\S+)/.exec(readFileSync(join(ctx.app.dir, again.notes.find((n: string) => n.includes('is already there')).split(' ')[0]), 'utf8'))![1]!;
      expect(route).toBe('/api/billing/webhooks');
    }, timeouts.boot);

    it.runIf(loadE2eConfig(name).typecheck)('still passes its own tsc --noEmit', async () => {
      expect(route, 'webhooks was not applied').toBeTruthy();
      const result = await typecheck(ctx.app);
      expect(result.code, result.stdout + result.stderr).toBe(0);
    }, timeouts.boot);

    it('boots with the secret of a destination registered in the sandbox for its route', async () => {
      expect(route, 'webhooks was not applied').toBeTruthy();
      await ctx.boot(async (sandbox) => {
        const port = await freePort();
        const hook = await sandboxApi(sandbox).post('/webhooks', { url: `http://127.0.0.1:${port}${route}`, topics: ['subscription.activated'] });
        expect(hook.status, hook.text).toBe(201);
        secret = hook.json().secret;
        return { PORT: String(port), CREDYT_WEBHOOK_SECRET: secret };
      });
    }, timeouts.boot);

    it('hands the subscription.activated of a paid signup to onSubscriptionActivated, once', async () => {
      booted();
      const api = sandboxApi(ctx.sandbox!);
      const client = new HttpClient(ctx.server!.url);
      await signupAndSignIn(ctx.app, client, newUser(`${name}-paid`));
      const customerId = await api.customerOf(await signedInUserId(ctx.app, client));
      const pending = (await api.customer(customerId)).subscriptions.flatMap((s) => s.required_actions ?? []).find((a) => a.type === 'payment');
      expect(pending, 'the fixed fee waits for payment').toBeDefined();
      const paid = await new HttpClient(ctx.sandbox!.url).get(new URL(pending!.redirect_url).pathname);
      expect(paid.status, paid.text).toBe(302);

      const delivery = await deliveredTo(ctx.sandbox!.url, route);
      expect(delivery.status, ctx.logs()).toBe(200);
      await waitFor(() => handled() === 1, () => `the handler did not run\n${ctx.logs()}`);
      expect(ctx.server!.logs()).toContain(`of customer ${customerId} is active`);

      // The same event again (a retry or a replay within the tolerance): acknowledged, not handled twice.
      const replay = await deliver(ctx.server!.url, route, secret, { id: delivery.event_id, type: 'subscription.activated', created: new Date().toISOString(), live_mode: false, data: { customer_id: customerId, subscription_id: 'sub_replay', occurred_at: new Date().toISOString() } });
      expect(replay.status, ctx.logs(replay)).toBe(200);
      expect(replay.json()).toMatchObject({ received: true, duplicate: true });
      expect(handled()).toBe(1);
    }, timeouts.request);

    it('answers a forged or unsigned delivery with 400 and handles nothing; an unknown event type gets 200', async () => {
      booted();
      const before = handled();
      const event = { id: `evt_${randomUUID()}`, type: 'subscription.activated', created: new Date().toISOString(), live_mode: false, data: { customer_id: 'cust_forged', subscription_id: 'sub_forged', occurred_at: new Date().toISOString() } };
      const forged = await deliver(ctx.server!.url, route, 'whsec_not_the_secret', event);
      expect(forged.status, ctx.logs(forged)).toBe(400);
      const client = new HttpClient(ctx.server!.url);
      const unsigned = await client.post(route, event);
      expect(unsigned.status, ctx.logs(unsigned)).toBe(400);
      expect(handled()).toBe(before);
      const other = await deliver(ctx.server!.url, route, secret, { ...event, id: `evt_${randomUUID()}`, type: 'balance.low' });
      expect(other.status, ctx.logs(other)).toBe(200);
      expect(handled()).toBe(before);
    }, timeouts.request);
  });
}

/** Posts `event` signed as Credyt signs (`t=<unix>,v0=<hex HMAC-SHA256 of "t.body">`) with `secret`. */
function deliver(base: string, path: string, secret: string, event: Record<string, unknown>) {
  const body = JSON.stringify(event);
  const t = Math.floor(Date.now() / 1000);
  const v0 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return new HttpClient(base).request('POST', path, { headers: { 'content-type': 'application/json', 'credyt-signature': `t=${t},v0=${v0}` }, body });
}

/** The sandbox's first delivery attempt to `path` that got an answer. */
async function deliveredTo(sandboxUrl: string, path: string): Promise<Delivery> {
  let found: Delivery | undefined;
  await waitFor(async () => {
    const attempts = (await new HttpClient(sandboxUrl).get('/_sandbox/deliveries')).json() as Delivery[];
    found = attempts.find((a) => a.url.endsWith(path) && a.status !== null);
    return found !== undefined;
  }, () => 'no delivery reached the app');
  return found!;
}

async function waitFor(test: () => boolean | Promise<boolean>, message: () => string, timeoutMs = 15_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await test()); await new Promise((r) => setTimeout(r, 100))) {
    if (Date.now() > deadline) throw new Error(message());
  }
}

