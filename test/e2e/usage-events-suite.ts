// usage-events on a sample app, end to end: init, client-setup, usage-events (no manual step left, a second
// run changes nothing), the app's own type-check, then the app booted against the local Credyt sandbox and
// the fake AI. Each billable request of a signed-in user — streamed ones once the stream has ended — leads to
// exactly one event for that user's customer, with the configured event type, the token counts the fake AI
// reported (or the image count) and the model; with the sandbox stopped, the request still succeeds.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { FakeAiRequest } from './fake-ai/index.js';
import { countTokens, promptText, replyText } from './fake-ai/text.js';
import {
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

/** How long to keep watching after the expected events arrived, so that a duplicate is caught. */
const SETTLE_MS = 500;

export function usageEventsSuite(name: string, timeouts = { install: 600_000, boot: 300_000, request: 180_000 }): void {
  describe(`${name}: usage-events`, () => {
    const ctx = billingApp(name, timeouts);
    let applied = false;
    const booted = () => expect(ctx.server && ctx.sandbox, 'the app did not boot').toBeTruthy();

    it('applies client-setup and usage-events with no manual step left; a second run changes nothing', async () => {
      const results = await ctx.apply(['client-setup', 'usage-events']);
      for (const [step, result] of Object.entries(results)) expect(result.code, `${step}: ${result.stdout}${result.stderr}`).toBe(0);
      const again = await runCli(['apply', 'usage-events', ctx.app.dir, '--dry-run', '--json'], ctx.app.dir);
      expect(JSON.parse(again.stdout).changes, 'a second run changes nothing').toEqual([]);
      applied = true;
    }, timeouts.boot);

    it.runIf(loadE2eConfig(name).typecheck)('still passes its own tsc --noEmit', async () => {
      expect(applied, 'usage-events was not applied').toBe(true);
      const result = await typecheck(ctx.app);
      expect(result.code, result.stdout + result.stderr).toBe(0);
    }, timeouts.boot);

    it('boots against the sandbox and the fake AI', async () => {
      expect(applied, 'usage-events was not applied').toBe(true);
      await ctx.boot();
    }, timeouts.boot);

    it('sends exactly one event per billable request, for the signed-in customer, with the AI call’s usage and model', async () => {
      booted();
      const client = new HttpClient(ctx.server!.url);
      await signupAndSignIn(ctx.app, client, newUser(`${name}-metered`));
      const userId = await signedInUserId(ctx.app, client);
      const config = loadConfig(ctx.app.dir)!;
      const api = sandboxApi(ctx.sandbox!);
      let seen = 0;
      for (const [kind, spec] of Object.entries(ctx.app.config.billable)) {
        ctx.fake.reset();
        const res = await callBillable(ctx.app, client, kind, `Please answer this question about ${kind} in detail`);
        expect(res.status, `${kind}: ${ctx.logs(res)}`).toBe(spec.status);
        const aiCalls = ctx.fake.requests.filter((r) => r.kind === spec.ai);
        expect(aiCalls, `${kind}: AI requests`).toHaveLength(1);

        const customerId = await api.customerOf(userId);
        const events = await api.eventsAtLeast(customerId, seen + 1, { settleMs: SETTLE_MS });
        expect(events, `${kind}: events for the customer\n${ctx.logs()}`).toHaveLength(seen + 1);
        seen = events.length;
        const event = await api.event(events[0]!.id);
        // init names the event types: one for text generation, one for images.
        const type = spec.ai === 'openai:images.generate' ? 'image_generation' : 'chat_completion';
        expect(config.events.map((e) => e.type), kind).toContain(type);
        expect(event.event_type, kind).toBe(type);
        expect(event.data, kind).toMatchObject(expectedData(aiCalls[0]!));
      }
    }, timeouts.request * 3);

    it('still answers a billable request when the billing API is down', async () => {
      booted();
      const client = new HttpClient(ctx.server!.url);
      await signupAndSignIn(ctx.app, client, newUser(`${name}-offline`));
      await ctx.stopSandbox();
      for (const [kind, spec] of Object.entries(ctx.app.config.billable)) {
        ctx.fake.reset();
        const res = await callBillable(ctx.app, client, kind);
        expect(res.status, `${kind}: ${ctx.logs(res)}`).toBe(spec.status);
        expect(ctx.fake.requests.filter((r) => r.kind === spec.ai), `${kind}: AI requests`).toHaveLength(1);
      }
    }, timeouts.request * 2);
  });
}

/** What the event's data must hold: the usage the fake AI computed for this request, and the model asked for. */
function expectedData(request: FakeAiRequest): Record<string, unknown> {
  const model = request.body.model;
  if (request.kind === 'openai:images.generate') return { images: request.body.n ?? 1, model };
  const input = countTokens(promptText(request.kind, request.body));
  const output = countTokens(replyText(input));
  return { total_tokens: input + output, input_tokens: input, output_tokens: output, model };
}
