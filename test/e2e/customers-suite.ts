// customers on a sample app, end to end: init, client-setup, customers (no manual step left, a second run
// changes nothing), the app's own type-check, then the app booted against the local Credyt sandbox and the
// fake AI. Signing up over HTTP leaves a customer in the sandbox whose external_id is the new user's id,
// subscribed to the configured products; with the sandbox stopped, signup still succeeds. With a fixed-fee
// product in the config, the signup answer carries the payment URL, and paying activates the subscription.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { BillingConfig, ProductConfig } from '../../src/config/types.js';
import { startFakeAi, type FakeAi } from './fake-ai/index.js';
import {
  billingEnv,
  bootApp,
  commitAll,
  HttpClient,
  loadE2eConfig,
  login,
  me,
  newUser,
  prepareApp,
  runCli,
  sandboxApi,
  signup,
  signupAndSignIn,
  startBillingSandbox,
  typecheck,
  type AppCopy,
  type BillingSandbox,
  type HttpResponse,
  type RunningApp,
  type TestUser,
} from './harness/index.js';

interface SandboxCustomer {
  id: string;
  external_id: string;
  email: string | null;
  name: string;
  subscriptions: Array<{ status: string; products: Array<{ code: string }>; required_actions?: Array<{ type: string; redirect_url: string }> }>;
}

export interface CustomersSuiteOptions {
  /** Add a product with a monthly fixed fee: signup must hand back the payment URL. */
  fixedFee?: boolean;
  timeouts?: { install: number; boot: number; request: number };
}

const PRO: ProductConfig = {
  code: 'pro',
  name: 'Pro',
  prices: [{ name: 'Monthly fee', type: 'fixed', billing_model: { type: 'recurring', recurring: { interval: 'month' } }, pricing: [{ asset: 'USD', values: [{ unit_price: 20 }] }] }],
};

export function customersSuite(name: string, options: CustomersSuiteOptions = {}): void {
  const timeouts = options.timeouts ?? { install: 600_000, boot: 300_000, request: 180_000 };
  const e2e = loadE2eConfig(name);

  describe(`${name}: customers${options.fixedFee ? ' (fixed-fee product)' : ''}`, () => {
    let app: AppCopy;
    let fake: FakeAi;
    let sandbox: BillingSandbox | undefined;
    let server: RunningApp | undefined;
    let config: BillingConfig | null = null;
    let applied = false;
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

    it('applies client-setup and customers with no manual step left; a second run changes nothing', async () => {
      const init = await runCli(['init', app.dir, '--yes'], app.dir);
      expect(init.code, init.stdout + init.stderr).toBe(0);
      if (options.fixedFee) addFixedFee(app.dir);
      await commitAll(app.dir, 'billing: config');
      for (const area of ['client-setup', 'customers']) {
        const result = await runCli(['apply', area, app.dir, '--yes'], app.dir);
        expect(result.code, `${area}: ${result.stdout}${result.stderr}`).toBe(0);
        await commitAll(app.dir, `billing: ${area}`);
      }
      const again = await runCli(['apply', 'customers', app.dir, '--dry-run', '--json'], app.dir);
      expect(JSON.parse(again.stdout).changes, 'a second run changes nothing').toEqual([]);
      config = loadConfig(app.dir);
      applied = true;
    }, timeouts.boot);

    it.runIf(e2e.typecheck)('still passes its own tsc --noEmit', async () => {
      expect(applied, 'customers was not applied').toBe(true);
      const result = await typecheck(app);
      expect(result.code, result.stdout + result.stderr).toBe(0);
    }, timeouts.boot);

    it('boots against the sandbox and the fake AI', async () => {
      expect(applied, 'customers was not applied').toBe(true);
      sandbox = await startBillingSandbox({ config: config! });
      server = await bootApp(app, { FAKE_AI_URL: fake.url, ...billingEnv(sandbox) });
    }, timeouts.boot);

    it('a signup leaves a customer linked by the new user id, with its email, subscribed to the configured products', async () => {
      expect(server && sandbox, 'the app did not boot').toBeTruthy();
      const client = new HttpClient(server!.url);
      const user = newUser(`${name}-signup`);
      const answer = await signupAnswer(app, client, user);
      const userId = await signedInUserId(app, client);
      const customer = await customerOf(sandbox!, userId).catch((error: Error) => expect.fail(`${error.message}\n${logs()}`));
      expect(customer.external_id).toBe(userId);
      expect(customer.email).toBe(user.email);
      const subscribed = customer.subscriptions.flatMap((s) => s.products.map((p) => p.code)).sort();
      expect(subscribed).toEqual(config!.products.map((p) => p.code).sort());
      if (!options.fixedFee) {
        expect(customer.subscriptions.every((s) => s.status === 'active'), JSON.stringify(customer.subscriptions)).toBe(true);
        return;
      }
      // The fixed fee waits for payment: the answer carries the link, and paying activates the subscription.
      const pending = customer.subscriptions.find((s) => s.status !== 'active');
      expect(pending, JSON.stringify(customer.subscriptions)).toBeDefined();
      const paymentUrl = answer.json().paymentUrl as string;
      expect(paymentUrl, `signup answer: ${answer.text}`).toMatch(new RegExp(`^${sandbox!.url}/pay/`));
      const paid = await new HttpClient(sandbox!.url).get(paymentUrl.slice(sandbox!.url.length));
      expect(paid.status, paid.text).toBe(302);
      const after = await customerOf(sandbox!, userId);
      expect(after.subscriptions.every((s) => s.status === 'active'), JSON.stringify(after.subscriptions)).toBe(true);
    }, timeouts.request);

    it('a signup still succeeds with the sandbox stopped', async () => {
      expect(server && sandbox, 'the app did not boot').toBeTruthy();
      await sandbox!.close();
      sandbox = undefined;
      const client = new HttpClient(server!.url);
      await signupAndSignIn(app, client, newUser(`${name}-offline`));
      const signedIn = await me(app, client);
      expect(signedIn.status, logs(signedIn)).toBe(200);
    }, timeouts.request);
  });
}

/** Signs `user` up (and in, when the app's signup does not), returning the signup answer. */
async function signupAnswer(app: AppCopy, client: HttpClient, user: TestUser): Promise<HttpResponse> {
  const res = await signup(app, client, user);
  if (res.status !== app.config.signup.status) throw new Error(`signup answered ${res.status}: ${res.text}`);
  if (app.config.signup.signsIn) return res;
  const loggedIn = await login(app, client, user);
  if (loggedIn.status >= 400 || /[?&]error=/.test(loggedIn.text)) throw new Error(`login answered ${loggedIn.status}: ${loggedIn.text}`);
  return res;
}

async function signedInUserId(app: AppCopy, client: HttpClient): Promise<string> {
  const res = await me(app, client);
  if (res.status !== 200) throw new Error(`me answered ${res.status}: ${res.text}`);
  const id = (res.json() as { user?: { id?: unknown } }).user?.id;
  if (id === undefined || id === null) throw new Error(`me has no user id: ${res.text}`);
  return String(id);
}

/** The full customer record the app's signup left in the sandbox (waiting for apps that do not await it). */
async function customerOf(sandbox: BillingSandbox, externalId: string): Promise<SandboxCustomer> {
  const api = sandboxApi(sandbox);
  const id = await api.customerOf(externalId);
  return (await api.get(`/customers/${encodeURIComponent(id)}`)).json() as SandboxCustomer;
}

/** Adds a monthly fixed-fee product (and an absolute return URL, which Credyt requires) to the app's config. */
function addFixedFee(dir: string): void {
  const file = join(dir, 'billing.config.json');
  const config = JSON.parse(readFileSync(file, 'utf8')) as BillingConfig;
  config.products.push(PRO);
  config.customers = { ...config.customers, returnUrl: 'https://app.example.test/welcome', failureUrl: 'https://app.example.test/billing' };
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
}
