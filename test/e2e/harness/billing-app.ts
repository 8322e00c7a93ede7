// What every area's end-to-end suite does around its own checks: a copy of a sample app and a fake AI for
// the whole describe block, the codemod applied area by area (committed after each, as a developer does
// after reviewing a diff), the app booted against a fresh sandbox, and everything stopped afterwards.
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../../src/config/load.js';
import { startFakeAi, type FakeAi } from '../fake-ai/index.js';
import { prepareApp, type AppCopy } from './app-copy.js';
import { bootApp, type RunningApp } from './boot.js';
import { runCli } from './cli.js';
import { commitAll } from './git.js';
import type { HttpResponse } from './http-client.js';
import type { RunResult } from './process.js';
import { billingEnv, startBillingSandbox, type BillingSandbox } from './sandbox.js';

export interface BillingApp {
  app: AppCopy;
  fake: FakeAi;
  sandbox: BillingSandbox | undefined;
  server: RunningApp | undefined;
  /** A response (when given) and the app's latest output, for assertion messages. */
  logs(res?: HttpResponse): string;
  /** `init --yes`, then `apply <area> --yes` for each area, committing after each; the CLI's results by step. */
  apply(areas: string[]): Promise<Record<string, RunResult>>;
  /** Starts a sandbox seeded from the app's billing.config.json and boots the app against it and the fake AI. */
  boot(): Promise<RunningApp>;
}

/** Call inside a `describe`: registers the hooks that prepare and clean up; the fields fill in as tests run. */
export function billingApp(name: string, timeouts: { install: number }): BillingApp {
  const state = {
    logs: (res?: HttpResponse) => `${res ? `status ${res.status}: ${res.text.slice(0, 400)}\n` : ''}--- app logs\n${state.server?.logs().slice(-4000) ?? '(not booted)'}`,
    async apply(areas: string[]) {
      const results: Record<string, RunResult> = { init: await runCli(['init', state.app.dir, '--yes'], state.app.dir) };
      await commitAll(state.app.dir, 'billing: config');
      for (const area of areas) {
        results[area] = await runCli(['apply', area, state.app.dir, '--yes'], state.app.dir);
        await commitAll(state.app.dir, `billing: ${area}`);
      }
      return results;
    },
    async boot() {
      const config = loadConfig(state.app.dir);
      if (!config) throw new Error(`${state.app.dir}: no billing.config.json to seed the sandbox with`);
      state.sandbox = await startBillingSandbox({ config });
      state.server = await bootApp(state.app, { FAKE_AI_URL: state.fake.url, ...billingEnv(state.sandbox) });
      return state.server;
    },
  } as BillingApp;

  beforeAll(async () => {
    state.app = await prepareApp(name);
    state.fake = await startFakeAi({ streamDelayMs: 10 });
  }, timeouts.install);

  afterAll(async () => {
    await state.server?.stop();
    await state.sandbox?.close();
    await state.fake?.close();
    await state.app?.cleanup();
  });

  return state;
}
