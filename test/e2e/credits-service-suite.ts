// The credits service as the provider, end to end on a sample app: init --provider credits-service with the
// service's deduction endpoint named, every area applied (customers and webhooks change nothing and say why),
// the app's own type-check, then the app booted against the local credits service (sandbox --provider
// credits-service), which knows the app's session once a test registers it. A signed-in user with no credits
// gets 402 and the AI is not called; with credits the call goes through, one deduction per call is made as
// that user (their session forwarded, its own idempotency key), and the balance route shows what is left;
// the portal route sends the user to the service's portal; a second run of each area changes nothing.
import { afterAll, describe, expect, it } from 'vitest';
import { startCreditsSandbox, type CreditsSandbox } from '../../src/sandbox/credits-service.js';
import { loadConfig } from '../../src/config/load.js';
import { callBillable, commitAll, HttpClient, loadE2eConfig, newUser, runCli, sampleApp, signupAndSignIn, signedInUserId, typecheck } from './harness/index.js';

const AREAS = ['client-setup', 'customers', 'usage-events', 'balance-gates', 'billing-portal', 'balance-display', 'webhooks'];
const DEDUCT = { path: '/credits/deduct', body: { amount: '{amount}', reason: '{eventType}', idempotency_key: '{id}' } };

export function creditsServiceSuite(name: string, timeouts = { install: 600_000, boot: 300_000, request: 180_000 }): void {
  describe(`${name}: the credits service as provider`, () => {
    const ctx = sampleApp(name, timeouts);
    let service: CreditsSandbox | undefined;
    let applied = false;
    afterAll(async () => {
      await ctx.server?.stop();
      await service?.close();
    });
    const booted = () => expect(ctx.server && service, 'the app did not boot').toBeTruthy();

    it('applies every area; customers and webhooks change nothing and say why; a second run changes nothing', async () => {
      const dir = ctx.app.dir;
      const init = await runCli(['init', dir, '--yes', '--provider', 'credits-service'], dir);
      expect(init.code, init.stdout + init.stderr).toBe(0);
      const configFile = `${dir}/billing.config.json`;
      const { readFileSync, writeFileSync } = await import('node:fs');
      const config = JSON.parse(readFileSync(configFile, 'utf8'));
      config.creditsService.deduct = DEDUCT;
      writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
      await commitAll(dir, 'billing: config');
      for (const area of AREAS) {
        const result = await runCli(['apply', area, dir, '--yes'], dir);
        expect(result.code, `${area}: ${result.stdout}${result.stderr}`).toBe(0);
        if (area === 'customers' || area === 'webhooks') expect(result.stdout, area).toContain(`${area} with the credits service:`);
        await commitAll(dir, `billing: ${area}`);
      }
      for (const area of AREAS) {
        const again = JSON.parse((await runCli(['apply', area, dir, '--dry-run', '--json'], dir)).stdout);
        expect(again.changes, `${area}: a second run changes nothing`).toEqual([]);
      }
      applied = true;
    }, timeouts.boot * 2);

    it.runIf(loadE2eConfig(name).typecheck)('still passes its own tsc --noEmit', async () => {
      expect(applied, 'the areas were not applied').toBe(true);
      const result = await typecheck(ctx.app);
      expect(result.code, result.stdout + result.stderr).toBe(0);
    }, timeouts.boot);

    it('boots against the local credits service', async () => {
      expect(applied, 'the areas were not applied').toBe(true);
      service = await startCreditsSandbox({ config: loadConfig(ctx.app.dir) ?? undefined });
      await ctx.boot({ CREDITS_API_URL: service.url });
    }, timeouts.boot);

    it('refuses a user without credits with 402 before the AI; with credits, each call deducts as that user', async () => {
      booted();
      const client = new HttpClient(ctx.server!.url);
      await signupAndSignIn(ctx.app, client, newUser(`${name}-credits`));
      const userId = await signedInUserId(ctx.app, client);
      // The service shares the app's sessions: tell it which cookies are this user's.
      for (const [cookie, value] of client.cookies) await post(service!, '/_sandbox/sessions', { session: `${cookie}=${value}`, userId });
      const kinds = Object.keys(ctx.app.config.billable);
      for (const kind of kinds) {
        ctx.fake.reset();
        const res = await callBillable(ctx.app, client, kind);
        expect(res.status, `${kind}: ${ctx.logs(res)}`).toBe(402);
        expect(res.json(), kind).toMatchObject({ available: 0, required: expect.any(Number) });
        expect(ctx.fake.requests, `${kind}: the AI was called`).toHaveLength(0);
      }
      await post(service!, '/admin/credits/manual', { user_id: userId, amount: 1000 });
      for (const kind of kinds) {
        ctx.fake.reset();
        const res = await callBillable(ctx.app, client, kind);
        expect(res.status, `${kind}: ${ctx.logs(res)}`).toBe(200);
      }
      // Each deduction is sent after the response: wait for one per call.
      const deductions = await waitFor(() => service!.requests.filter((r) => r.path === '/credits/deduct' && r.status === 200), kinds.length);
      const cookieHeader = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      for (const d of deductions) {
        expect(d.credential, 'the user\'s own session was forwarded').toBe(cookieHeader);
        expect(d.body).toMatchObject({ amount: expect.any(Number), reason: expect.any(String), idempotency_key: expect.stringMatching(/^[0-9a-f-]{36}$/) });
        expect(d.body.amount as number).toBeGreaterThan(0);
      }
      expect(new Set(deductions.map((d) => d.body.idempotency_key)).size).toBe(deductions.length);
      const spent = deductions.reduce((sum, d) => sum + (d.body.amount as number), 0);
      const balance = await client.get('/api/billing/balance');
      expect(balance.status, ctx.logs(balance)).toBe(200);
      expect((balance.json() as { available: number }).available).toBeCloseTo(1000 - spent, 6);
    }, timeouts.request * 3);

    it("sends a signed-in user to the service's portal", async () => {
      booted();
      const client = new HttpClient(ctx.server!.url);
      await signupAndSignIn(ctx.app, client, newUser(`${name}-portal`));
      const userId = await signedInUserId(ctx.app, client);
      for (const [cookie, value] of client.cookies) await post(service!, '/_sandbox/sessions', { session: `${cookie}=${value}`, userId });
      const portal = await client.get('/api/billing/portal', { headers: { accept: 'application/json' } });
      expect(portal.status, ctx.logs(portal)).toBe(200);
      expect((portal.json() as { url: string }).url).toContain(`/_sandbox/portal?user=${encodeURIComponent(userId)}`);
    }, timeouts.request);
  });
}

async function post(service: CreditsSandbox, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${service.url}${path}`, { method: 'POST', body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
}

async function waitFor<T>(read: () => T[], count: number, ms = 10_000): Promise<T[]> {
  const until = Date.now() + ms;
  while (read().length < count && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
  const found = read();
  expect(found.length, 'deductions made').toBe(count);
  return found;
}
