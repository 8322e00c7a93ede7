// cost-tracking on a sample app, end to end: init, client-setup, usage-events and cost-tracking (its one manual
// step: creating the vendors in Credyt, which the sandbox seeds from the config), a second run changes nothing,
// the app's own type-check, then the app booted against the sandbox and the fake AI. Each billable request's
// event carries one cost: the vendor, and an amount equal to the fake AI's token usage (or image count) times
// the price table's rates for the model asked for; the sandbox reports the event's margin from it.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { priceTableFor } from '../../src/costs/price-table.js';
import { priceOf } from '../../src/providers/credyt/template/billing-costs.js';
import type { FakeAiRequest } from './fake-ai/index.js';
import { countTokens, promptText, replyText } from './fake-ai/text.js';
import { billingApp, callBillable, HttpClient, loadE2eConfig, newUser, runCli, sandboxApi, signedInUserId, signupAndSignIn, typecheck } from './harness/index.js';

export function costTrackingSuite(name: string, timeouts = { install: 600_000, boot: 300_000, request: 180_000 }): void {
  describe(`${name}: cost-tracking`, () => {
    const ctx = billingApp(name, timeouts);
    let applied = false;

    it('applies client-setup, usage-events and cost-tracking; the one manual step is creating the vendors; a second run changes nothing', async () => {
      const results = await ctx.apply(['client-setup', 'usage-events', 'cost-tracking']);
      for (const step of ['init', 'client-setup', 'usage-events']) expect(results[step]!.code, `${step}: ${results[step]!.stdout}${results[step]!.stderr}`).toBe(0);
      const costs = results['cost-tracking']!;
      expect(costs.code, costs.stdout + costs.stderr).toBe(3);
      expect(costs.stdout).toMatch(/create the vendors? the costs name in Credyt/);
      const again = await runCli(['apply', 'cost-tracking', ctx.app.dir, '--dry-run', '--json'], ctx.app.dir);
      expect(JSON.parse(again.stdout).changes, 'a second run changes nothing').toEqual([]);
      applied = true;
    }, timeouts.boot);

    it.runIf(loadE2eConfig(name).typecheck)('still passes its own tsc --noEmit', async () => {
      expect(applied, 'cost-tracking was not applied').toBe(true);
      const result = await typecheck(ctx.app);
      expect(result.code, result.stdout + result.stderr).toBe(0);
    }, timeouts.boot);

    it('boots against the sandbox and the fake AI', async () => {
      expect(applied, 'cost-tracking was not applied').toBe(true);
      await ctx.boot();
    }, timeouts.boot);

    it("attaches to each event what its AI call cost: the fake AI's usage at the table's prices; the sandbox reports the margin", async () => {
      expect(ctx.server && ctx.sandbox, 'the app did not boot').toBeTruthy();
      const client = new HttpClient(ctx.server!.url);
      await signupAndSignIn(ctx.app, client, newUser(`${name}-costed`));
      const userId = await signedInUserId(ctx.app, client);
      const table = priceTableFor(loadConfig(ctx.app.dir)!);
      const api = sandboxApi(ctx.sandbox!);
      let seen = 0;
      for (const [kind, spec] of Object.entries(ctx.app.config.billable)) {
        ctx.fake.reset();
        const res = await callBillable(ctx.app, client, kind, `What does ${kind} cost us`);
        expect(res.status, `${kind}: ${ctx.logs(res)}`).toBe(spec.status);
        const [call] = ctx.fake.requests.filter((r) => r.kind === spec.ai);
        // Without the customers area, the first event creates the customer.
        const customerId = await api.customerOf(userId);
        const events = await api.eventsAtLeast(customerId, seen + 1, { settleMs: 300 });
        expect(events, `${kind}: events\n${ctx.logs()}`).toHaveLength(seen + 1);
        seen = events.length;
        const event = await api.event(events[0]!.id);
        const expected = expectedCost(table, call!);
        expect(event.costs, `${kind}: ${JSON.stringify(event)}\n${ctx.logs()}`).toHaveLength(1);
        expect(event.costs![0]).toMatchObject({ vendor_external_id: expected.vendor, currency: 'USD', metadata: { model: String(call!.body.model).toLowerCase() } });
        expect(event.costs![0]!.amount, kind).toBeCloseTo(expected.amount, 12);
        const revenue = (event.fees ?? []).reduce((sum, fee) => sum + fee.amount, 0);
        expect(event.margin, kind).toMatchObject({ currency: 'USD', costs: event.costs![0]!.amount });
        expect(event.margin!.net, kind).toBeCloseTo(revenue - expected.amount, 9);
      }
    }, timeouts.request * 3);
  });
}

/** The cost the event must carry, from the request the fake AI answered: its token counts (or images) at the table's rates. */
function expectedCost(table: ReturnType<typeof priceTableFor>, request: FakeAiRequest): { vendor: string; amount: number } {
  const model = String(request.body.model);
  if (request.kind === 'openai:images.generate') {
    const priced = priceOf(table, 'openai', model, { images: request.body.n ?? 1, size: request.body.size, quality: request.body.quality })!;
    return { vendor: priced.vendor, amount: priced.amount };
  }
  // The rate per million input and output tokens, read from the table one direction at a time.
  const rate = (usage: object) => priceOf(table, 'any', model, usage)!;
  const perInput = rate({ input_tokens: 1_000_000, output_tokens: 0 });
  const perOutput = rate({ input_tokens: 0, output_tokens: 1_000_000 });
  const input = countTokens(promptText(request.kind, request.body));
  const output = countTokens(replyText(input));
  return { vendor: perInput.vendor, amount: (input * perInput.amount + output * perOutput.amount) / 1_000_000 };
}
