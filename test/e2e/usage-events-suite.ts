// usage-events on a sample app, end to end: init, client-setup, usage-events (no manual step left, a second
// run changes nothing), the app's own type-check, then the app booted against the local Credyt sandbox and
// the fake AI. Each billable request of a signed-in user — streamed ones once the stream has ended — leads to
// exactly one event for that user's customer, with the configured event type, the token counts the fake AI
// reported (or the image count) and the model; with the sandbox stopped, the request still succeeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { startFakeAi, type FakeAi, type FakeAiRequest } from './fake-ai/index.js';
import { anthropicPromptText, chatPromptText, countTokens, replyText, responsesPromptText } from './fake-ai/text.js';
import {
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
  SANDBOX_API_KEY,
  signupAndSignIn,
  startBillingSandbox,
  typecheck,
  type AppCopy,
  type BillingSandbox,
  type HttpResponse,
  type RunningApp,
} from './harness/index.js';

interface SandboxEvent {
  id: string;
  customer_id: string;
  event_type: string;
  subject: string | null;
  data: Record<string, unknown> | null;
}

export function usageEventsSuite(name: string, timeouts = { install: 600_000, boot: 300_000, request: 180_000 }): void {
  describe(`${name}: usage-events`, () => {
    let app: AppCopy;
    let fake: FakeAi;
    let sandbox: BillingSandbox | undefined;
    let server: RunningApp | undefined;
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

    it('applies client-setup and usage-events with no manual step left; a second run changes nothing', async () => {
      const init = await runCli(['init', app.dir, '--yes'], app.dir);
      expect(init.code, init.stdout + init.stderr).toBe(0);
      await commitAll(app.dir, 'billing: config');
      for (const area of ['client-setup', 'usage-events']) {
        const result = await runCli(['apply', area, app.dir, '--yes'], app.dir);
        expect(result.code, `${area}: ${result.stdout}${result.stderr}`).toBe(0);
        await commitAll(app.dir, `billing: ${area}`);
      }
      const again = await runCli(['apply', 'usage-events', app.dir, '--dry-run', '--json'], app.dir);
      expect(JSON.parse(again.stdout).changes, 'a second run changes nothing').toEqual([]);
      applied = true;
    }, timeouts.boot);

    it.runIf(loadE2eConfig(name).typecheck)('still passes its own tsc --noEmit', async () => {
      expect(applied, 'usage-events was not applied').toBe(true);
      const result = await typecheck(app);
      expect(result.code, result.stdout + result.stderr).toBe(0);
    }, timeouts.boot);

    it('boots against the sandbox and the fake AI', async () => {
      expect(applied, 'usage-events was not applied').toBe(true);
      const config = loadConfig(app.dir);
      expect(config).not.toBeNull();
      sandbox = await startBillingSandbox({ config: config! });
      server = await bootApp(app, { FAKE_AI_URL: fake.url, ...billingEnv(sandbox) });
    }, timeouts.boot);

    it('sends exactly one event per billable request, for the signed-in customer, with the AI call’s usage and model', async () => {
      expect(server && sandbox, 'the app did not boot').toBeTruthy();
      const client = new HttpClient(server!.url);
      await signupAndSignIn(app, client, newUser(`${name}-metered`));
      const userId = String((await me(app, client)).json().user.id);
      const config = loadConfig(app.dir)!;
      const api = sandboxApi(sandbox!);
      let seen = 0;
      for (const [kind, spec] of Object.entries(app.config.billable)) {
        fake.reset();
        const res = await callBillable(app, client, kind, `Please answer this question about ${kind} in detail`);
        expect(res.status, `${kind}: ${logs(res)}`).toBe(spec.status);
        const aiCalls = fake.requests.filter((r) => r.kind === spec.ai);
        expect(aiCalls, `${kind}: AI requests`).toHaveLength(1);

        const customerId = await customerOf(api, userId);
        const events = await eventsAfter(api, customerId, seen + 1);
        expect(events, `${kind}: events for the customer\n${logs()}`).toHaveLength(seen + 1);
        seen = events.length;
        const event = (await api.get(`/events/${events[0]!.id}`)).json() as SandboxEvent;
        // init names the event types: one for text generation, one for images.
        const type = spec.ai === 'openai:images.generate' ? 'image_generation' : 'chat_completion';
        expect(config.events.map((e) => e.type), kind).toContain(type);
        expect(event.event_type, kind).toBe(type);
        expect(event.data, kind).toMatchObject(expectedData(aiCalls[0]!));
      }
    }, timeouts.request * 3);

    it('still answers a billable request when the billing API is down', async () => {
      expect(server && sandbox, 'the app did not boot').toBeTruthy();
      const client = new HttpClient(server!.url);
      await signupAndSignIn(app, client, newUser(`${name}-offline`));
      await sandbox!.close();
      sandbox = undefined;
      for (const [kind, spec] of Object.entries(app.config.billable)) {
        fake.reset();
        const res = await callBillable(app, client, kind);
        expect(res.status, `${kind}: ${logs(res)}`).toBe(spec.status);
        expect(fake.requests.filter((r) => r.kind === spec.ai), `${kind}: AI requests`).toHaveLength(1);
      }
    }, timeouts.request * 2);
  });
}

/** What the event's data must hold: the usage the fake AI computed for this request, and the model asked for. */
function expectedData(request: FakeAiRequest): Record<string, unknown> {
  const model = request.body.model;
  if (request.kind === 'openai:images.generate') return { images: request.body.n ?? 1, model };
  const prompt =
    request.kind === 'openai:chat.completions'
      ? chatPromptText(request.body)
      : request.kind === 'openai:responses'
        ? responsesPromptText(request.body)
        : anthropicPromptText(request.body);
  const input = countTokens(prompt);
  const output = countTokens(replyText(input));
  return { total_tokens: input + output, input_tokens: input, output_tokens: output, model };
}

type SandboxApi = { get(path: string): Promise<HttpResponse> };

function sandboxApi(sandbox: BillingSandbox): SandboxApi {
  const client = new HttpClient(sandbox.url);
  return { get: (path) => client.request('GET', path, { headers: { 'X-CREDYT-API-KEY': SANDBOX_API_KEY } }) };
}

/** The customer for the app's user: created by the billing module on its first event, so wait for it. */
async function customerOf(api: SandboxApi, userId: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const res = await api.get(`/customers?external_id=${encodeURIComponent(userId)}`);
    if (res.status === 200) return res.json().id as string;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no customer with external id ${userId} in the sandbox`);
}

/** The customer's events (newest first) once there are `count`; waits a little longer to catch duplicates. */
async function eventsAfter(api: SandboxApi, customerId: string, count: number): Promise<SandboxEvent[]> {
  const list = async () => ((await api.get(`/events?customer_id=${customerId}&limit=100`)).json() as { items: SandboxEvent[] }).items;
  for (let i = 0; i < 100; i++) {
    if ((await list()).length >= count) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 500));
  return list();
}
