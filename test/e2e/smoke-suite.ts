// The smoke test every untouched example app must pass: it boots against the fake AI, a new user signs up
// and is signed in, each billable route answers with the fake's reply (streamed routes in several chunks),
// a signed-out call gets the app's own 401 without reaching the AI, and a bad signup body gets a 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAi, type FakeAi, type FakeAiRequest } from './fake-ai/index.js';
import { anthropicPromptText, chatPromptText, countTokens, replyText, responsesPromptText } from './fake-ai/text.js';
import {
  badSignup,
  bootApp,
  callBillable,
  gitStatus,
  HttpClient,
  loadE2eConfig,
  me,
  newUser,
  prepareApp,
  signupAndSignIn,
  typecheck,
  type AppCopy,
  type HttpResponse,
  type RunningApp,
} from './harness/index.js';

/** The reply text the fake gave to `request`, recomputed from what the app sent. */
function expectedReply(request: FakeAiRequest): string {
  const prompt =
    request.kind === 'openai:chat.completions'
      ? chatPromptText(request.body)
      : request.kind === 'openai:responses'
        ? responsesPromptText(request.body)
        : anthropicPromptText(request.body);
  return replyText(countTokens(prompt));
}

export function smokeSuite(name: string, timeouts = { install: 600_000, boot: 300_000, request: 120_000 }): void {
  const config = loadE2eConfig(name);

  describe(`${name} (untouched)`, () => {
    let fake: FakeAi;
    let app: AppCopy;
    let server: RunningApp | undefined;
    const withLogs = (res: HttpResponse) => `status ${res.status}: ${res.text.slice(0, 500)}\n--- app logs\n${server?.logs().slice(-4000)}`;

    beforeAll(async () => {
      fake = await startFakeAi({ streamDelayMs: 20 });
      app = await prepareApp(name);
    }, timeouts.install);

    afterAll(async () => {
      await server?.stop();
      await fake?.close();
      await app?.cleanup();
    });

    it.runIf(config.typecheck)('passes its own tsc --noEmit', async () => {
      const result = await typecheck(app);
      expect(result.code, result.stdout + result.stderr).toBe(0);
    }, timeouts.boot);

    it('boots against the fake AI server', async () => {
      server = await bootApp(app, { FAKE_AI_URL: fake.url });
    }, timeouts.boot);

    it('signs a new user up and keeps them signed in; every billable route answers with the fake reply', async () => {
      expect(server, 'the app did not boot').toBeDefined();
      const client = new HttpClient(server!.url);
      const signedOut = await me(app, client);
      expect(signedOut.status, withLogs(signedOut)).toBe(config.unauthorized.status);

      await signupAndSignIn(app, client, newUser(name));
      const signedIn = await me(app, client);
      expect(signedIn.status, withLogs(signedIn)).toBe(200);

      for (const [kind, spec] of Object.entries(config.billable)) {
        fake.reset();
        const res = await callBillable(app, client, kind, `Please answer this question about ${kind}`);
        expect(res.status, `${kind}: ${withLogs(res)}`).toBe(spec.status);
        const aiCalls = fake.requests.filter((r) => r.kind === spec.ai);
        expect(aiCalls, `${kind}: AI requests ${JSON.stringify(fake.requests.map((r) => r.kind))}`).toHaveLength(1);
        if (spec.output === 'image') {
          expect(res.text, kind).toMatch(/b64_json|base64|\/files\/img_|data:image\/png/);
        } else {
          expect(res.text, `${kind}: ${withLogs(res)}`).toContain(expectedReply(aiCalls[0]!));
        }
        if (spec.stream) {
          expect(aiCalls[0]!.stream, `${kind} should ask the AI for a stream`).toBe(true);
          expect(res.chunks.length, `${kind} should stream (got one body chunk)`).toBeGreaterThan(1);
        }
      }
    }, timeouts.request * 3);

    it('answers a signed-out billable call with its own 401 and makes no AI call', async () => {
      expect(server, 'the app did not boot').toBeDefined();
      const client = new HttpClient(server!.url);
      for (const kind of Object.keys(config.billable)) {
        fake.reset();
        const res = await callBillable(app, client, kind);
        expect(res.status, `${kind}: ${withLogs(res)}`).toBe(config.unauthorized.status);
        expect(fake.requests, kind).toHaveLength(0);
      }
    }, timeouts.request);

    it('answers a bad signup body with 400', async () => {
      expect(server, 'the app did not boot').toBeDefined();
      const res = await badSignup(app, new HttpClient(server!.url));
      expect(res.status, withLogs(res)).toBe(config.signup.bad.status);
    }, timeouts.request);

    it('leaves the copy a clean git tree after running (data, build output and generated files are ignored)', async () => {
      expect(await gitStatus(app.dir)).toBe('');
    });
  });
}
