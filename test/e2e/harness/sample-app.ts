// A sample app for one describe block: a copy of it and a fake AI shared by the block's tests, the app booted
// when a test asks (against the fake AI, plus whatever else `env` names), and all of it stopped and removed
// afterwards. The smoke suite runs the untouched apps on it; billingApp builds the codemod and sandbox on it.
import { afterAll, beforeAll } from 'vitest';
import { startFakeAi, type FakeAi } from '../fake-ai/index.js';
import { prepareApp, type AppCopy } from './app-copy.js';
import { bootApp, type RunningApp } from './boot.js';
import type { HttpResponse } from './http-client.js';

export interface SampleApp {
  app: AppCopy;
  fake: FakeAi;
  server: RunningApp | undefined;
  /** A response (when given) and the app's latest output, for assertion messages. */
  logs(res?: HttpResponse): string;
  /** Boots the app with FAKE_AI_URL pointing at the fake AI, and `env` on top. */
  boot(env?: Record<string, string>): Promise<RunningApp>;
}

export interface SampleAppOptions {
  /** Time for the hook that copies the app (and, on a cold cache, installs its dependencies). */
  install: number;
  /** The fake AI's pause between stream chunks; default 10 ms. */
  streamDelayMs?: number;
}

/** Call inside a `describe`: registers the hooks that prepare and clean up; the fields fill in as tests run. */
export function sampleApp(name: string, options: SampleAppOptions): SampleApp {
  const state = {
    logs: (res?: HttpResponse) => `${res ? `status ${res.status}: ${res.text.slice(0, 400)}\n` : ''}--- app logs\n${state.server?.logs().slice(-4000) ?? '(not booted)'}`,
    async boot(env: Record<string, string> = {}) {
      state.server = await bootApp(state.app, { FAKE_AI_URL: state.fake.url, ...env });
      return state.server;
    },
  } as SampleApp;

  beforeAll(async () => {
    state.app = await prepareApp(name);
    state.fake = await startFakeAi({ streamDelayMs: options.streamDelayMs ?? 10 });
  }, options.install);

  afterAll(async () => {
    await state.server?.stop();
    await state.fake?.close();
    await state.app?.cleanup();
  });

  return state;
}
