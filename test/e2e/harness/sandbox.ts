// The local Credyt-compatible sandbox (src/sandbox/server.ts, written alongside this harness), started for a
// test and handed to an app as CREDYT_API_URL / CREDYT_API_KEY. Imported lazily through a variable so this
// file type-checks and the smoke tests run even while the sandbox does not exist yet.
import type { BillingConfig } from '../../../src/config/types.js';

export interface BillingSandbox {
  url: string;
  close(): Promise<void>;
}

export interface SandboxOptions {
  config?: BillingConfig;
  /** Accept only this API key (default: the sandbox's own rule). */
  key?: string;
}

export const SANDBOX_API_KEY = 'test_key';

const SANDBOX_MODULE = '../../../src/sandbox/server.js';

export async function startBillingSandbox(options: SandboxOptions = {}): Promise<BillingSandbox> {
  const mod = (await import(/* @vite-ignore */ SANDBOX_MODULE)) as {
    startSandbox(opts: { port: number; config?: BillingConfig; key?: string }): Promise<BillingSandbox>;
  };
  return mod.startSandbox({ port: 0, ...options });
}

/** The environment an app needs to talk to the sandbox. */
export function billingEnv(sandbox: BillingSandbox): Record<string, string> {
  return { CREDYT_API_URL: sandbox.url, CREDYT_API_KEY: SANDBOX_API_KEY };
}
