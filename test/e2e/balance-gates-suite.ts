// balance-gates on a sample app, end to end: init, client-setup (and usage-events once it is registered),
// balance-gates, the app's own type-check, then the app booted against the local Credyt sandbox and the fake
// AI. A signed-in customer with an empty wallet gets 402 and the AI is never called; a request the app
// rejects (no session, a bad body) still gets the app's own answer; after a wallet adjustment in the
// sandbox the same request succeeds and, with usage-events applied, the balance drops by the event's price;
// while the billing API is down, the config's policy (allow, by default) lets requests through.
import { describe, expect, it } from 'vitest';
import { AREAS } from '../../src/areas/registry.js';
import {
  billableSpec,
  billingApp,
  callBillable,
  HttpClient,
  loadE2eConfig,
  signedInUserId,
  newUser,
  runCli,
  sandboxApi,
  signupAndSignIn,
  typecheck,
} from './harness/index.js';

const TOP_UP = 1;

export function balanceGatesSuite(name: string, timeouts = { install: 600_000, boot: 300_000, request: 180_000 }): void {
  const metered = AREAS.some((a) => a.name === 'usage-events');

  describe(`${name}: balance-gates${metered ? ' (with usage-events)' : ''}`, () => {
    const ctx = billingApp(name, timeouts);
    let applied = false;
    const booted = () => expect(ctx.server && ctx.sandbox, 'the app did not boot').toBeTruthy();

    it('applies client-setup, usage-events when available, and balance-gates with no manual step left', async () => {
      const results = await ctx.apply(['client-setup', ...(metered ? ['usage-events'] : []), 'balance-gates']);
      for (const [step, result] of Object.entries(results)) expect(result.code, `${step}: ${result.stdout}${result.stderr}`).toBe(0);
      const again = await runCli(['apply', 'balance-gates', ctx.app.dir, '--dry-run', '--json'], ctx.app.dir);
      expect(JSON.parse(again.stdout).changes, 'a second run changes nothing').toEqual([]);
      applied = true;
    }, timeouts.boot);

    it.runIf(loadE2eConfig(name).typecheck)('still passes its own tsc --noEmit', async () => {
      expect(applied, 'balance-gates was not applied').toBe(true);
      const result = await typecheck(ctx.app);
      expect(result.code, result.stdout + result.stderr).toBe(0);
    }, timeouts.boot);

    it('boots against the sandbox and the fake AI', async () => {
      expect(applied, 'balance-gates was not applied').toBe(true);
      await ctx.boot();
    }, timeouts.boot);

    it('answers a signed-out billable call with its own 401 before any balance check or AI call', async () => {
      booted();
      const client = new HttpClient(ctx.server!.url);
      for (const kind of Object.keys(ctx.app.config.billable)) {
        ctx.fake.reset();
        const res = await callBillable(ctx.app, client, kind);
        expect(res.status, `${kind}: ${ctx.logs(res)}`).toBe(ctx.app.config.unauthorized.status);
        expect(ctx.fake.requests, kind).toHaveLength(0);
      }
    }, timeouts.request);

    it('refuses a customer with an empty wallet with 402 and the shortfall, without calling the AI; a bad body still gets 400', async () => {
      booted();
      const client = new HttpClient(ctx.server!.url);
      await signupAndSignIn(ctx.app, client, newUser(`${name}-empty`));
      for (const kind of Object.keys(ctx.app.config.billable)) {
        const spec = billableSpec(ctx.app, kind);
        ctx.fake.reset();
        const res = await callBillable(ctx.app, client, kind);
        expect(res.status, `${kind}: ${ctx.logs(res)}`).toBe(402);
        expect(res.json(), kind).toMatchObject({ error: expect.stringMatching(/balance/i), available: 0, required: expect.any(Number), topUpUrl: expect.any(String) });
        expect(ctx.fake.requests, `${kind}: the AI was called`).toHaveLength(0);
        const bad = await client.request(spec.method ?? 'POST', spec.path, { json: {} });
        expect(bad.status, `${kind} with an empty body: ${ctx.logs(bad)}`).toBe(400);
      }
    }, timeouts.request * 2);

    it(`lets the same requests through after a wallet adjustment${metered ? ", and the balance drops by each event's price" : ''}`, async () => {
      booted();
      const client = new HttpClient(ctx.server!.url);
      await signupAndSignIn(ctx.app, client, newUser(`${name}-funded`));
      const [firstKind] = Object.keys(ctx.app.config.billable);
      const first = await callBillable(ctx.app, client, firstKind!);
      expect(first.status, `${firstKind} before the top-up: ${ctx.logs(first)}`).toBe(402);

      const api = sandboxApi(ctx.sandbox!);
      const customerId = await api.customerOf(await signedInUserId(ctx.app, client));
      await api.adjust(customerId, TOP_UP);

      for (const kind of Object.keys(ctx.app.config.billable)) {
        const spec = billableSpec(ctx.app, kind);
        const before = await api.balance(customerId);
        const seen = (await api.events(customerId)).length;
        ctx.fake.reset();
        const res = await callBillable(ctx.app, client, kind);
        expect(res.status, `${kind} after the top-up: ${ctx.logs(res)}`).toBe(spec.status);
        expect(ctx.fake.requests.filter((r) => r.kind === spec.ai), `${kind}: AI calls`).toHaveLength(1);
        if (!metered) continue;
        // Settling a moment longer lets a late duplicate event show up, so "exactly one" is really checked.
        const events = await api.eventsAtLeast(customerId, seen + 1, { settleMs: 500 });
        const fresh = events.slice(0, events.length - seen); // newest first
        expect(fresh, `${kind}: one usage event`).toHaveLength(1);
        const fees = ((await api.event(fresh[0]!.id)).fees ?? []).filter((f) => f.asset === 'USD').reduce((sum, f) => sum + f.amount, 0);
        expect(fees, `${kind}: the usage event is priced`).toBeGreaterThan(0);
        expect(await api.balance(customerId), `${kind}: balance after the event`).toBeCloseTo(before - fees, 9);
      }
    }, timeouts.request * 2);

    it('lets a request through when the billing API is unreachable (gates.onUnavailable defaults to allow)', async () => {
      booted();
      const client = new HttpClient(ctx.server!.url);
      await signupAndSignIn(ctx.app, client, newUser(`${name}-outage`));
      const admin = new HttpClient(ctx.sandbox!.url);
      const [kind] = Object.keys(ctx.app.config.billable);
      const spec = billableSpec(ctx.app, kind!);
      expect((await admin.post('/_sandbox/faults', { path: '/customers', status: 503, count: 100 })).status).toBe(201);
      try {
        ctx.fake.reset();
        const res = await callBillable(ctx.app, client, kind!);
        expect(res.status, `${kind} during the outage: ${ctx.logs(res)}`).toBe(spec.status);
        expect(ctx.fake.requests.filter((r) => r.kind === spec.ai), `${kind}: AI calls`).toHaveLength(1);
      } finally {
        await admin.request('DELETE', '/_sandbox/faults');
      }
    }, timeouts.request);
  });
}
