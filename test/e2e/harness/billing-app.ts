// What every area's end-to-end suite does around its own checks: a sample app and a fake AI for the whole
// describe block (sampleApp), the codemod applied area by area (committed after each, as a developer does
// after reviewing a diff), the app booted against a fresh sandbox, and everything stopped afterwards.
import { afterAll } from 'vitest';
import { loadConfig } from '../../../src/config/load.js';
import type { RunningApp } from './boot.js';
import { runCli } from './cli.js';
import { commitAll } from './git.js';
import type { RunResult } from './process.js';
import { sampleApp, type SampleApp, type SampleAppOptions } from './sample-app.js';
import { billingEnv, startBillingSandbox, type BillingSandbox } from './sandbox.js';

export interface ApplyOptions {
  /** Runs after `init`, before its config is committed: a suite's own edits to billing.config.json. */
  afterInit?(dir: string): void | Promise<void>;
}

export interface BillingApp extends Omit<SampleApp, 'boot'> {
  sandbox: BillingSandbox | undefined;
  /** `init --yes`, then `apply <area> --yes` for each area, committing after each; the CLI's results by step. */
  apply(areas: string[], options?: ApplyOptions): Promise<Record<string, RunResult>>;
  /**
   * Starts a sandbox seeded from the app's billing.config.json and boots the app against it and the fake AI;
   * `beforeBoot` runs once the sandbox is up and returns more env for the app (a webhook secret, a PORT).
   */
  boot(beforeBoot?: (sandbox: BillingSandbox) => Promise<Record<string, string>>): Promise<RunningApp>;
  /** Closes the sandbox while the app keeps running: the billing API is down from then on. */
  stopSandbox(): Promise<void>;
}

/** Call inside a `describe`: registers the hooks that prepare and clean up; the fields fill in as tests run. */
export function billingApp(name: string, timeouts: SampleAppOptions): BillingApp {
  const base = sampleApp(name, timeouts);
  const bootWith = base.boot;
  const state: BillingApp = Object.assign(base, {
    sandbox: undefined as BillingSandbox | undefined,
    async apply(areas: string[], options: ApplyOptions = {}) {
      const results: Record<string, RunResult> = { init: await runCli(['init', state.app.dir, '--yes'], state.app.dir) };
      await options.afterInit?.(state.app.dir);
      await commitAll(state.app.dir, 'billing: config');
      for (const area of areas) {
        results[area] = await runCli(['apply', area, state.app.dir, '--yes'], state.app.dir);
        await commitAll(state.app.dir, `billing: ${area}`);
      }
      return results;
    },
    async boot(beforeBoot?: (sandbox: BillingSandbox) => Promise<Record<string, string>>) {
      const config = loadConfig(state.app.dir);
      if (!config) throw new Error(`${state.app.dir}: no billing.config.json to seed the sandbox with`);
      state.sandbox = await startBillingSandbox({ config });
      const more = beforeBoot ? await beforeBoot(state.sandbox) : {};
      return bootWith({ ...billingEnv(state.sandbox), ...more });
    },
    async stopSandbox() {
      await state.sandbox?.close();
      state.sandbox = undefined;
    },
  });

  // The app first (stop() is safe to call twice), so that it never runs against a closed sandbox.
  afterAll(async () => {
    await state.server?.stop();
    await state.sandbox?.close();
  });

  return state;
}
