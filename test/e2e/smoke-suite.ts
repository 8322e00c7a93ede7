// The smoke test every untouched example app must pass: it boots against the fake AI, a new user signs up
// and is signed in, each billable route answers with the fake's reply (streamed routes in several chunks),
// a signed-out call gets the app's own 401 without reaching the AI, and a bad signup body gets a 400.
import { describe, expect, it } from 'vitest';
import type { FakeAiRequest } from './fake-ai/index.js';
import { countTokens, promptText, replyText } from './fake-ai/text.js';
import {
  badSignup,
  callBillable,
  gitStatus,
  HttpClient,
  loadE2eConfig,
  me,
  newUser,
  sampleApp,
  signupAndSignIn,
  typecheck,
} from './harness/index.js';

/** The reply text the fake gave to `request`, recomputed from what the app sent. */
function expectedReply(request: FakeAiRequest): string {
  return replyText(countTokens(promptText(request.kind, request.body)));
}

export function smokeSuite(name: string, timeouts = { install: 600_000, boot: 300_000, request: 120_000 }): void {
  const config = loadE2eConfig(name);

  describe(`${name} (untouched)`, () => {
    const ctx = sampleApp(name, { install: timeouts.install, streamDelayMs: 20 });

    it.runIf(config.typecheck)('passes its own tsc --noEmit', async () => {
      const result = await typecheck(ctx.app);
      expect(result.code, result.stdout + result.stderr).toBe(0);
    }, timeouts.boot);

    it('boots against the fake AI server', async () => {
      await ctx.boot();
    }, timeouts.boot);

    it('signs a new user up and keeps them signed in; every billable route answers with the fake reply', async () => {
      expect(ctx.server, 'the app did not boot').toBeDefined();
      const client = new HttpClient(ctx.server!.url);
      const signedOut = await me(ctx.app, client);
      expect(signedOut.status, ctx.logs(signedOut)).toBe(config.unauthorized.status);

      await signupAndSignIn(ctx.app, client, newUser(name));
      const signedIn = await me(ctx.app, client);
      expect(signedIn.status, ctx.logs(signedIn)).toBe(200);

      for (const [kind, spec] of Object.entries(config.billable)) {
        ctx.fake.reset();
        // A streamed answer reaches the client before the AI's stream ends; the fake holds its last event till then.
        let sawFirstChunk = () => {};
        if (spec.stream) ctx.fake.holdStreamEnd(new Promise<void>((resolve) => (sawFirstChunk = resolve)), 15_000);
        const res = await callBillable(ctx.app, client, kind, `Please answer this question about ${kind}`, { onFirstChunk: () => sawFirstChunk() });
        expect(res.status, `${kind}: ${ctx.logs(res)}`).toBe(spec.status);
        const aiCalls = ctx.fake.requests.filter((r) => r.kind === spec.ai);
        expect(aiCalls, `${kind}: AI requests ${JSON.stringify(ctx.fake.requests.map((r) => r.kind))}`).toHaveLength(1);
        if (spec.output === 'image') {
          expect(res.text, kind).toMatch(/b64_json|base64|\/files\/img_|data:image\/png/);
        } else {
          expect(res.text, `${kind}: ${ctx.logs(res)}`).toContain(expectedReply(aiCalls[0]!));
        }
        if (spec.stream) {
          expect(aiCalls[0]!.stream, `${kind} should ask the AI for a stream`).toBe(true);
          expect(res.chunks.length, `${kind} should stream (no body chunk arrived before the AI's stream ended)`).toBeGreaterThan(1);
        }
      }
    }, timeouts.request * 3);

    it('answers a signed-out billable call with its own 401 and makes no AI call', async () => {
      expect(ctx.server, 'the app did not boot').toBeDefined();
      const client = new HttpClient(ctx.server!.url);
      for (const kind of Object.keys(config.billable)) {
        ctx.fake.reset();
        const res = await callBillable(ctx.app, client, kind);
        expect(res.status, `${kind}: ${ctx.logs(res)}`).toBe(config.unauthorized.status);
        expect(ctx.fake.requests, kind).toHaveLength(0);
      }
    }, timeouts.request);

    it('answers a bad signup body with 400', async () => {
      expect(ctx.server, 'the app did not boot').toBeDefined();
      const res = await badSignup(ctx.app, new HttpClient(ctx.server!.url));
      expect(res.status, ctx.logs(res)).toBe(config.signup.bad.status);
    }, timeouts.request);

    it('leaves the copy a clean git tree after running (data, build output and generated files are ignored)', async () => {
      expect(await gitStatus(ctx.app.dir)).toBe('');
    });
  });
}
