// billing-portal and balance-display on a sample app, end to end: every area applied in order, the app's own
// type-check, then the app booted against the local Credyt sandbox. Signed out, both routes give the app's own
// 401; signed in, the portal route answers 303 to the sandbox portal page, whose add-funds form raises the
// wallet and sends the browser back to the app; the balance route then shows the new amount; JSON clients get
// { url }; an account page, where the app has one, links to the portal and shows the balance; an expired portal
// link comes back to the route, which makes a fresh one; a 402 links to the route.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { billingApp, callBillable, HttpClient, loadE2eConfig, newUser, runCli, signupAndSignIn, typecheck } from './harness/index.js';

const AREAS = ['client-setup', 'customers', 'usage-events', 'balance-gates', 'billing-portal', 'balance-display'];
const HTML = { accept: 'text/html' };

export function billingPortalSuite(name: string, timeouts = { install: 600_000, boot: 300_000, request: 180_000 }): void {
  describe(`${name}: billing-portal and balance-display`, () => {
    const ctx = billingApp(name, timeouts);
    const routes: Record<string, string> = {};
    const booted = () => expect(ctx.server && ctx.sandbox, 'the app did not boot').toBeTruthy();

    it('applies every area in order; a second run of the route areas changes nothing', async () => {
      const results = await ctx.apply(AREAS);
      for (const [step, result] of Object.entries(results)) expect(result.code, `${step}: ${result.stdout}${result.stderr}`).toBe(0);
      for (const area of ['billing-portal', 'balance-display']) {
        const again = JSON.parse((await runCli(['apply', area, ctx.app.dir, '--dry-run', '--json'], ctx.app.dir)).stdout);
        expect(again.changes, `${area}: a second run changes nothing`).toEqual([]);
      }
      // The route areas point gates.topUpUrl at the portal route; the sample apps have no billing routes of their own.
      const config = JSON.parse(readFileSync(join(ctx.app.dir, 'billing.config.json'), 'utf8'));
      routes.portal = config.gates.topUpUrl;
      routes.balance = '/api/billing/balance';
      expect(routes.portal).toBe('/api/billing/portal');
    }, timeouts.boot);

    it.runIf(loadE2eConfig(name).typecheck)('still passes its own tsc --noEmit', async () => {
      expect(routes.portal, 'the areas were not applied').toBeTruthy();
      const result = await typecheck(ctx.app);
      expect(result.code, result.stdout + result.stderr).toBe(0);
    }, timeouts.boot);

    it('boots against the sandbox', async () => {
      expect(routes.portal, 'the areas were not applied').toBeTruthy();
      await ctx.boot();
    }, timeouts.boot);

    it("answers signed-out visitors with the app's own 401", async () => {
      booted();
      const client = new HttpClient(ctx.server!.url);
      for (const path of [routes.portal!, routes.balance!]) {
        const res = await client.get(path, { headers: HTML });
        expect(res.status, `${path}: ${ctx.logs(res)}`).toBe(ctx.app.config.unauthorized.status);
      }
    }, timeouts.request);

    it('sends a signed-in customer to the portal, whose add-funds form raises the balance the balance route shows', async () => {
      booted();
      const client = new HttpClient(ctx.server!.url);
      await signupAndSignIn(ctx.app, client, newUser(`${name}-portal`));
      const before = await client.get(routes.balance!);
      expect(before.status, ctx.logs(before)).toBe(200);
      expect(before.json()).toMatchObject({ asset: 'USD', available: 0 });

      const open = await client.get(routes.portal!, { headers: HTML });
      expect(open.status, ctx.logs(open)).toBe(303);
      const portalUrl = new URL(open.headers.get('location')!);
      expect(portalUrl.origin).toBe(new URL(ctx.sandbox!.url).origin);

      const browser = new HttpClient(portalUrl.origin);
      const page = await browser.get(portalUrl.pathname, { headers: HTML });
      expect(page.status).toBe(200);
      const action = /<form method="post" action="([^"]+)"/.exec(page.text)?.[1];
      expect(action, 'the portal page has an add-funds form').toBeTruthy();
      const paid = await browser.request('POST', action!, { form: { amount: '7.5', asset: 'USD' } });
      expect(paid.status).toBe(303);
      expect(new URL(paid.headers.get('location')!).origin, 'the portal sends the browser back to the app').toBe(new URL(ctx.server!.url).origin);

      const after = await client.get(routes.balance!);
      expect(after.status, ctx.logs(after)).toBe(200);
      expect(after.json()).toMatchObject({ asset: 'USD', available: 7.5, accounts: [{ asset: 'USD', available: 7.5 }] });

      const accountPage = ctx.app.config.accountPage;
      if (accountPage) {
        // billing-portal linked the account page to the portal; balance-display rendered BillingBalance in it.
        const account = await client.get(accountPage, { headers: HTML });
        expect(account.status, ctx.logs(account)).toBe(200);
        expect(account.text).toContain(`href="${routes.portal}"`);
        expect(account.text).toMatch(/\$(<!-- -->)?7\.50/);
      }

      const json = await client.post(routes.portal!, undefined, { headers: { accept: 'application/json' } });
      expect(json.status, ctx.logs(json)).toBe(200);
      expect(json.json().url).toMatch(new RegExp(`^${ctx.sandbox!.url}/portal/`));
    }, timeouts.request * 2);

    it('sends an expired portal link back to the route, which opens a fresh one', async () => {
      booted();
      const client = new HttpClient(ctx.server!.url);
      await signupAndSignIn(ctx.app, client, newUser(`${name}-expired`));
      const open = await client.get(routes.portal!, { headers: HTML });
      expect(open.status, ctx.logs(open)).toBe(303);
      const stale = new URL(open.headers.get('location')!);
      const admin = new HttpClient(ctx.sandbox!.url);
      expect((await admin.post('/_sandbox/clock', { advanceSeconds: 3600 })).status).toBe(200);
      const back = await new HttpClient(stale.origin).get(stale.pathname, { headers: HTML });
      expect(back.status).toBe(302);
      const failure = new URL(back.headers.get('location')!);
      expect(failure.pathname, 'failure_url is the portal route').toBe(routes.portal);
      const again = await client.get(failure.pathname, { headers: HTML });
      expect(again.status, ctx.logs(again)).toBe(303);
      expect(again.headers.get('location'), 'a fresh link').not.toBe(stale.toString());
      expect((await new HttpClient(stale.origin).get(new URL(again.headers.get('location')!).pathname, { headers: HTML })).status).toBe(200);
    }, timeouts.request);

    it('links every 402 to the portal route', async () => {
      booted();
      const client = new HttpClient(ctx.server!.url);
      await signupAndSignIn(ctx.app, client, newUser(`${name}-empty`));
      const [kind] = Object.keys(ctx.app.config.billable);
      const res = await callBillable(ctx.app, client, kind!);
      expect(res.status, ctx.logs(res)).toBe(402);
      expect(res.json().topUpUrl).toBe(routes.portal);
    }, timeouts.request);
  });
}
