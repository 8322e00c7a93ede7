// A billing API that accepts connections and never answers must not take the app down: with customers,
// usage-events and balance-gates applied, a booted sample app still answers signup and a gated request
// within the request budget (then gates.onUnavailable, allow by default, and customers.onError decide).
// Express (TypeScript, ESM) and the Next.js pages router (which used to await both the gate and the event).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { billableSpec, billingApp, callBillable, HttpClient, login, newUser, signup } from './harness/index.js';

const BUDGET_MS = 1000;
// Generous for a slow machine: the point is seconds, not the 31 s of a request timeout plus retries.
const MARGIN_MS = 4000;

for (const name of ['express-ts-esm', 'next-pages']) {
  describe(`${name}: the billing API hangs`, () => {
    const ctx = billingApp(name, { install: 600_000 });

    it('applies customers, usage-events and balance-gates with a 1 s request budget, and boots', async () => {
      const results = await ctx.apply(['client-setup', 'customers', 'usage-events', 'balance-gates'], {
        afterInit(dir) {
          const path = join(dir, 'billing.config.json');
          writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), requestBudgetMs: BUDGET_MS }, null, 2));
        },
      });
      for (const [step, result] of Object.entries(results)) expect(result.code, `${step}: ${result.stdout}${result.stderr}`).toBe(0);
      await ctx.boot();
    }, 600_000);

    it('answers signup and a gated request within the budget while every billing call hangs', async () => {
      expect(ctx.server && ctx.sandbox, 'the app did not boot').toBeTruthy();
      const admin = new HttpClient(ctx.sandbox!.url);
      expect((await admin.post('/_sandbox/faults', { path: '/', hang: true, count: 1000 })).status).toBe(201);
      try {
        const client = new HttpClient(ctx.server!.url);
        const started = performance.now();
        const user = newUser(`${name}-hung`);
        const res = await signup(ctx.app, client, user);
        const signupMs = performance.now() - started;
        expect(res.status, ctx.logs(res)).toBe(ctx.app.config.signup.status);
        expect(signupMs, 'signup waited for billing').toBeLessThan(BUDGET_MS + MARGIN_MS);
        if (!ctx.app.config.signup.signsIn) await login(ctx.app, client, user);

        const [kind] = Object.keys(ctx.app.config.billable);
        const spec = billableSpec(ctx.app, kind!);
        ctx.fake.reset();
        const began = performance.now();
        const call = await callBillable(ctx.app, client, kind!);
        const callMs = performance.now() - began;
        expect(call.status, `${kind}: ${ctx.logs(call)}`).toBe(spec.status);
        expect(ctx.fake.requests.filter((r) => r.kind === spec.ai), `${kind}: AI calls`).toHaveLength(1);
        expect(callMs, 'the gated request waited for billing').toBeLessThan(BUDGET_MS + MARGIN_MS);
      } finally {
        await admin.request('DELETE', '/_sandbox/faults');
      }
    }, 180_000);
  });
}
