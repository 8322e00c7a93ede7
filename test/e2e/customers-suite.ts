// customers on a sample app, end to end: init, client-setup, customers (no manual step left, a second run
// changes nothing), the app's own type-check, then the app booted against the local Credyt sandbox and the
// fake AI. Signing up over HTTP leaves a customer in the sandbox whose external_id is the new user's id,
// subscribed to the configured products; with the sandbox stopped, signup still succeeds. With a fixed-fee
// product in the config, the signup answer carries the payment URL, and paying activates the subscription.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { BillingConfig } from '../../src/config/types.js';
import {
  addFixedFee,
  billingApp,
  HttpClient,
  loadE2eConfig,
  login,
  me,
  signedInUserId,
  newUser,
  runCli,
  sandboxApi,
  signup,
  signupAndSignIn,
  typecheck,
  type AppCopy,
  type HttpResponse,
  type TestUser,
} from './harness/index.js';

export interface CustomersSuiteOptions {
  /** Add a product with a monthly fixed fee: signup must hand back the payment URL. */
  fixedFee?: boolean;
  timeouts?: { install: number; boot: number; request: number };
}


export function customersSuite(name: string, options: CustomersSuiteOptions = {}): void {
  const timeouts = options.timeouts ?? { install: 600_000, boot: 300_000, request: 180_000 };
  const e2e = loadE2eConfig(name);

  describe(`${name}: customers${options.fixedFee ? ' (fixed-fee product)' : ''}`, () => {
    const ctx = billingApp(name, timeouts);
    let config: BillingConfig | null = null;
    let applied = false;
    const booted = () => expect(ctx.server && ctx.sandbox, 'the app did not boot').toBeTruthy();

    it('applies client-setup and customers with no manual step left; a second run changes nothing', async () => {
      const results = await ctx.apply(['client-setup', 'customers'], { afterInit: options.fixedFee ? addFixedFee : undefined });
      for (const [step, result] of Object.entries(results)) expect(result.code, `${step}: ${result.stdout}${result.stderr}`).toBe(0);
      const again = await runCli(['apply', 'customers', ctx.app.dir, '--dry-run', '--json'], ctx.app.dir);
      expect(JSON.parse(again.stdout).changes, 'a second run changes nothing').toEqual([]);
      config = loadConfig(ctx.app.dir);
      applied = true;
    }, timeouts.boot);

    it.runIf(e2e.typecheck)('still passes its own tsc --noEmit', async () => {
      expect(applied, 'customers was not applied').toBe(true);
      const result = await typecheck(ctx.app);
      expect(result.code, result.stdout + result.stderr).toBe(0);
    }, timeouts.boot);

    it('boots against the sandbox and the fake AI', async () => {
      expect(applied, 'customers was not applied').toBe(true);
      await ctx.boot();
    }, timeouts.boot);

    it('a signup leaves a customer linked by the new user id, with its email, subscribed to the configured products', async () => {
      booted();
      const sandbox = ctx.sandbox!;
      const api = sandboxApi(sandbox);
      const client = new HttpClient(ctx.server!.url);
      const user = newUser(`${name}-signup`);
      const answer = await signupAnswer(ctx.app, client, user);
      const userId = await signedInUserId(ctx.app, client);
      const customerId = await api.customerOf(userId).catch((error: Error) => expect.fail(`${error.message}\n${ctx.logs()}`));
      const customer = await api.customer(customerId);
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
      expect(paymentUrl, `signup answer: ${answer.text}`).toMatch(new RegExp(`^${sandbox.url}/pay/`));
      const paid = await new HttpClient(sandbox.url).get(paymentUrl.slice(sandbox.url.length));
      expect(paid.status, paid.text).toBe(302);
      const after = await api.customer(await api.customerOf(userId));
      expect(after.subscriptions.every((s) => s.status === 'active'), JSON.stringify(after.subscriptions)).toBe(true);
    }, timeouts.request);

    it('a signup still succeeds with the sandbox stopped', async () => {
      booted();
      await ctx.stopSandbox();
      const client = new HttpClient(ctx.server!.url);
      await signupAndSignIn(ctx.app, client, newUser(`${name}-offline`));
      const signedIn = await me(ctx.app, client);
      expect(signedIn.status, ctx.logs(signedIn)).toBe(200);
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

