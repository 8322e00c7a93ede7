// The local Credyt-compatible sandbox (src/sandbox/server.ts), started on a free port for a test and handed
// to an app as CREDYT_API_URL / CREDYT_API_KEY.
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../src/sandbox/server.js';

export type BillingSandbox = Sandbox;

export const SANDBOX_API_KEY = 'test_key';

/** Starts the sandbox on port 0, accepting only SANDBOX_API_KEY unless `options.key` says otherwise. */
export function startBillingSandbox(options: Omit<SandboxOptions, 'port'> = {}): Promise<BillingSandbox> {
  return startSandbox({ key: SANDBOX_API_KEY, ...options, port: 0 });
}

/** The environment an app needs to talk to the sandbox. */
export function billingEnv(sandbox: BillingSandbox): Record<string, string> {
  return { CREDYT_API_URL: sandbox.url, CREDYT_API_KEY: SANDBOX_API_KEY };
}
