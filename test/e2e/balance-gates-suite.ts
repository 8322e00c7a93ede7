// balance-gates on a sample app, end to end: init, client-setup (and usage-events once it is registered),
// balance-gates, the app's own type-check, then the app booted against the local Credyt sandbox and the fake
// AI. A signed-in customer with an empty wallet gets 402 and the AI is never called; a request the app
// rejects (no session, a bad body) still gets the app's own answer; after a wallet adjustment in the
// sandbox the same request succeeds and, with usage-events applied, the balance drops by the event's price;
// while the billing API is down, the config's policy (allow, by default) lets requests through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../src/areas/registry.js';
import { loadConfig } from '../../src/config/load.js';
import { startFakeAi, type FakeAi } from './fake-ai/index.js';
import {
  billableSpec,
  billingEnv,
  bootApp,
  callBillable,
  commitAll,
  HttpClient,
  loadE2eConfig,
  me,
  newUser,
  prepareApp,
  runCli,
  sandboxApi,
  signupAndSignIn,
  startBillingSandbox,
  typecheck,
  type AppCopy,
  type BillingSandbox,
  type HttpResponse,
  type RunningApp,
} from './harness/index.js';

const TOP_UP = 1;

export function balanceGatesSuite(name: string, timeouts = { install: 600_000, boot: 300_000, request: 180_000 }): void {
  const metered = AREAS.some((a) => a.name === 'usage-events');

  describe(`${name}: balance-gates${metered ? ' (with usage-events)' : ''}`, () => {
    let app: AppCopy;
    let fake: FakeAi;
    let sandbox: BillingSandbox | undefined;
    let server: RunningApp | undefined;
    const applied: Record<string, number> = {};
    const logs = (res?: HttpResponse) => `${res ? `status ${res.status}: ${res.text.slice(0, 400)}\n` : ''}--- app logs\n${server?.logs().slice(-4000) ?? '(not booted)'}`;

    beforeAll(async () => {
      app = await prepareApp(name);
      fake = await startFakeAi({ streamDelayMs: 10 });
    }, timeouts.install);

    afterAll(async () => {
      await server?.stop();
      await sandbox?.close();
      await fake?.close();
      await app?.cleanup();
    });

    it('applies client-setup, usage-events when available, and balance-gates with no manual step left', async () => {
      const init = await runCli(['init', app.dir, '--yes'], app.dir);
      expect(init.code, init.stdout + init.stderr).toBe(0);
      await commitAll(app.dir, 'billing: config');
      for (const area of ['client-setup', ...(metered ? ['usage-events'] : []), 'balance-gates']) {
        const result = await runCli(['apply', area, app.dir, '--yes'], app.dir);
        applied[area] = result.code;
        expect(result.code, `${area}: ${result.stdout}${result.stderr}`).toBe(0);
        await commitAll(app.dir, `billing: ${area}`);
      }
      const again = await runCli(['apply', 'balance-gates', app.dir, '--dry-run', '--json'], app.dir);
      expect(JSON.parse(again.stdout).changes, 'a second run changes nothing').toEqual([]);
    }, timeouts.boot);

    it.runIf(loadE2eConfig(name).typecheck)('still passes its own tsc --noEmit', async () => {
      expect(applied['balance-gates'], 'balance-gates was not applied').toBe(0);
      const result = await typecheck(app);
      expect(result.code, result.stdout + result.stderr).toBe(0);
    }, timeouts.boot);

    it('boots against the sandbox and the fake AI', async () => {
      expect(applied['balance-gates'], 'balance-gates was not applied').toBe(0);
      const config = loadConfig(app.dir);
      expect(config).not.toBeNull();
      sandbox = await startBillingSandbox({ config: config! });
      server = await bootApp(app, { FAKE_AI_URL: fake.url, ...billingEnv(sandbox) });
    }, timeouts.boot);

    it('answers a signed-out billable call with its own 401 before any balance check or AI call', async () => {
      expect(server, 'the app did not boot').toBeDefined();
      const client = new HttpClient(server!.url);
      for (const kind of Object.keys(app.config.billable)) {
        fake.reset();
        const res = await callBillable(app, client, kind);
        expect(res.status, `${kind}: ${logs(res)}`).toBe(app.config.unauthorized.status);
        expect(fake.requests, kind).toHaveLength(0);
      }
    }, timeouts.request);

    it('refuses a customer with an empty wallet with 402 and the shortfall, without calling the AI; a bad body still gets 400', async () => {
      expect(server, 'the app did not boot').toBeDefined();
      const client = new HttpClient(server!.url);
      await signupAndSignIn(app, client, newUser(`${name}-empty`));
      for (const kind of Object.keys(app.config.billable)) {
        fake.reset();
        const res = await callBillable(app, client, kind);
        expect(res.status, `${kind}: ${logs(res)}`).toBe(402);
        expect(res.json(), kind).toMatchObject({ error: expect.stringMatching(/balance/i), available: 0, required: expect.any(Number), topUpUrl: expect.any(String) });
        expect(fake.requests, `${kind}: the AI was called`).toHaveLength(0);
        const bad = await client.request(billableSpec(app, kind).method ?? 'POST', billableSpec(app, kind).path, { json: {} });
        expect(bad.status, `${kind} with an empty body: ${logs(bad)}`).toBe(400);
      }
    }, timeouts.request * 2);

    it(`lets the same requests through after a wallet adjustment${metered ? ', and the balance drops by each event\'s price' : ''}`, async () => {
      expect(server && sandbox, 'the app did not boot').toBeTruthy();
      const client = new HttpClient(server!.url);
      await signupAndSignIn(app, client, newUser(`${name}-funded`));
      const [firstKind] = Object.keys(app.config.billable);
      const first = await callBillable(app, client, firstKind!);
      expect(first.status, `${firstKind} before the top-up: ${logs(first)}`).toBe(402);

      const api = sandboxApi(sandbox!);
      const customerId = await api.customerOf(String((await me(app, client)).json().user.id));
      await api.adjust(customerId, TOP_UP);

      for (const kind of Object.keys(app.config.billable)) {
        const spec = billableSpec(app, kind);
        const before = await api.balance(customerId);
        const seen = (await api.events(customerId)).length;
        fake.reset();
        const res = await callBillable(app, client, kind);
        expect(res.status, `${kind} after the top-up: ${logs(res)}`).toBe(spec.status);
        expect(fake.requests.filter((r) => r.kind === spec.ai), `${kind}: AI calls`).toHaveLength(1);
        if (!metered) continue;
        const events = await api.eventsAtLeast(customerId, seen + 1);
        const fresh = events.slice(0, events.length - seen); // newest first
        expect(fresh, `${kind}: one usage event`).toHaveLength(1);
        const fees = ((await api.event(fresh[0]!.id)).fees ?? []).filter((f) => f.asset === 'USD').reduce((sum, f) => sum + f.amount, 0);
        expect(fees, `${kind}: the usage event is priced`).toBeGreaterThan(0);
        expect(await api.balance(customerId), `${kind}: balance after the event`).toBeCloseTo(before - fees, 9);
      }
    }, timeouts.request * 2);

    it('lets a request through when the billing API is unreachable (gates.onUnavailable defaults to allow)', async () => {
      expect(server && sandbox, 'the app did not boot').toBeTruthy();
      const client = new HttpClient(server!.url);
      await signupAndSignIn(app, client, newUser(`${name}-outage`));
      const admin = new HttpClient(sandbox!.url);
      const [kind] = Object.keys(app.config.billable);
      const spec = billableSpec(app, kind!);
      expect((await admin.post('/_sandbox/faults', { path: '/customers', status: 503, count: 100 })).status).toBe(201);
      try {
        fake.reset();
        const res = await callBillable(app, client, kind!);
        expect(res.status, `${kind} during the outage: ${logs(res)}`).toBe(spec.status);
        expect(fake.requests.filter((r) => r.kind === spec.ai), `${kind}: AI calls`).toHaveLength(1);
      } finally {
        await admin.request('DELETE', '/_sandbox/faults');
      }
    }, timeouts.request);
  });
}
