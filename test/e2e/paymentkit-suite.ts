// PaymentKit as the provider, end to end on a sample app. The app is no Blocklet, so Payment Kit cannot run
// beside it here: the real @blocklet/payment-js (1.27.2) is installed into the app over the fake @blocklet/sdk
// (test/fakes), whose component.call reaches a fake Payment Kit component in this process over HTTP. What the
// app sends is what the SDK would send to the real component. init --provider paymentkit, every area applied
// (webhooks and cost-tracking change nothing and say why), the app's own type-check, then booted: signup gets
// the customer (and its signup credits), an empty balance gets 402 before the AI, a funded one goes through
// with one meter event per call priced from the config, the balance route shows what is left, and the portal
// route opens a top-up checkout.
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FakePaymentKit } from '../fakes/payment-kit.js';
import { callBillable, commitAll, HttpClient, loadE2eConfig, newUser, runCli, sampleApp, signupAndSignIn, signedInUserId, typecheck } from './harness/index.js';

const AREAS = ['client-setup', 'customers', 'usage-events', 'balance-gates', 'billing-portal', 'balance-display', 'webhooks', 'cost-tracking'];
const REPO = join(import.meta.dirname, '..', '..');

export function paymentKitSuite(name: string, timeouts = { install: 600_000, boot: 300_000, request: 180_000 }): void {
  describe(`${name}: PaymentKit as provider`, () => {
    const ctx = sampleApp(name, timeouts);
    const fake = new FakePaymentKit();
    let component: { url: string; close(): Promise<void> } | undefined;
    let applied = false;
    afterAll(async () => {
      await ctx.server?.stop();
      await component?.close();
    });
    const booted = () => expect(ctx.server && component, 'the app did not boot').toBeTruthy();

    it('applies every area; the plan lists the SDK to install; webhooks and cost-tracking say why they change nothing', async () => {
      const dir = ctx.app.dir;
      const init = await runCli(['init', dir, '--yes', '--provider', 'paymentkit', '--signup-credits', '5'], dir);
      expect(init.code, init.stdout + init.stderr).toBe(0);
      expect(init.stdout).toContain('this app is not a Blocklet');
      await commitAll(dir, 'billing: config');
      for (const area of AREAS) {
        const result = await runCli(['apply', area, dir, '--yes', '--json'], dir);
        expect(result.code, `${area}: ${result.stdout}${result.stderr}`).toBe(0);
        const plan = JSON.parse(result.stdout) as { dependencies: Array<{ name: string }>; notes: string[]; changes: unknown[] };
        if (area === 'client-setup') expect(plan.dependencies.map((d) => d.name)).toEqual(['@blocklet/payment-js']);
        if (area === 'webhooks' || area === 'cost-tracking') {
          expect(plan.changes, area).toEqual([]);
          expect(plan.notes.join('\n'), area).toContain(`${area} with PaymentKit:`);
        }
        await commitAll(dir, `billing: ${area}`);
      }
      for (const area of AREAS) {
        const again = JSON.parse((await runCli(['apply', area, dir, '--dry-run', '--json'], dir)).stdout);
        expect(again.changes, `${area}: a second run changes nothing`).toEqual([]);
      }
      installSdk(dir);
      applied = true;
    }, timeouts.boot * 2);

    it.runIf(loadE2eConfig(name).typecheck)('still passes its own tsc --noEmit, with the SDK installed', async () => {
      expect(applied, 'the areas were not applied').toBe(true);
      const result = await typecheck(ctx.app);
      expect(result.code, result.stdout + result.stderr).toBe(0);
    }, timeouts.boot);

    it('boots with the SDK reaching the fake Payment Kit component', async () => {
      expect(applied, 'the areas were not applied').toBe(true);
      component = await fake.serve();
      await ctx.boot({ FAKE_PAYMENT_KIT_URL: component.url, PAYMENT_KIT_TOP_UP_PRICE_ID: 'price_topup' });
    }, timeouts.boot);

    it('signup makes the customer with its credits; 402 once they are spent; funded calls send one meter event each', async () => {
      booted();
      const client = new HttpClient(ctx.server!.url);
      await signupAndSignIn(ctx.app, client, newUser(`${name}-pk`));
      const did = await signedInUserId(ctx.app, client);
      expect(fake.customers.has(did), 'the customer was made at signup').toBe(true);
      expect(fake.remaining(did), 'signup credits').toBe(5);
      fake.grants = []; // spent
      const kinds = Object.keys(ctx.app.config.billable);
      for (const kind of kinds) {
        ctx.fake.reset();
        const res = await callBillable(ctx.app, client, kind);
        expect(res.status, `${kind}: ${ctx.logs(res)}`).toBe(402);
        expect(ctx.fake.requests, `${kind}: the AI was called`).toHaveLength(0);
      }
      fake.fund(did, 1000);
      for (const kind of kinds) {
        const res = await callBillable(ctx.app, client, kind);
        expect(res.status, `${kind}: ${ctx.logs(res)}`).toBe(200);
      }
      const until = Date.now() + 10_000;
      while (fake.events.length < kinds.length && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(fake.events).toHaveLength(kinds.length);
      const customer = fake.customers.get(did)!;
      for (const event of fake.events) {
        expect(event.payload.customer_id).toBe(customer.id);
        expect(Number(event.payload.value)).toBeGreaterThan(0);
      }
      expect(new Set(fake.events.map((e) => e.identifier)).size).toBe(kinds.length);
      const spent = fake.events.reduce((sum, e) => sum + Number(e.payload.value), 0);
      const balance = await client.get('/api/billing/balance');
      expect(balance.status, ctx.logs(balance)).toBe(200);
      expect((balance.json() as { available: number }).available).toBeCloseTo(1000 - spent, 6);
      const portal = await client.get('/api/billing/portal', { headers: { accept: 'application/json' } });
      expect(portal.status, ctx.logs(portal)).toBe(200);
      expect((portal.json() as { url: string }).url).toMatch(/^https:\/\/payment-kit\.test\/checkout\/pay\//);
      expect(fake.sessions.at(-1)).toMatchObject({ mode: 'payment', line_items: [{ price_id: 'price_topup' }], customer_id: customer.id });
    }, timeouts.request * 3);
  });
}

/**
 * What `npm install @blocklet/payment-js` would add, from this repository's copy (the SDK over the fake
 * @blocklet/sdk): the app's node_modules, a link to a shared install, becomes a folder of links plus @blocklet.
 */
function installSdk(dir: string): void {
  const link = join(dir, 'node_modules');
  if (!lstatSync(link).isSymbolicLink()) throw new Error(`${link} is not the shared install's link`);
  const shared = readlinkSync(link);
  rmSync(link);
  mkdirSync(link);
  for (const entry of readdirSync(shared)) symlinkSync(join(shared, entry), join(link, entry));
  symlinkSync(join(REPO, 'node_modules', '@blocklet'), join(link, '@blocklet'), 'dir');
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  pkg.dependencies = { ...pkg.dependencies, '@blocklet/payment-js': '1.27.2' };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
}
