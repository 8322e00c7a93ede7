// Shared setup for the billing-module tests: a config that seeds the sandbox, the four forms, loading a
// generated form for real (ESM through Node's import, CommonJS through require, TypeScript transpiled first),
// and the sandbox, env and scratch folder each module test file runs against (moduleTestSetup).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import type { BillingConfig } from '../../src/config/types.js';
import { type GenerateBillingModuleOptions, generateBillingModule } from '../../src/providers/generate.js';
import { startSandbox } from '../../src/sandbox/server.js';
import { client, fund } from '../helpers/sandbox-client.js';

/** What a generated module exports, whatever its form. */
export type BillingModule = typeof import('../../src/providers/credyt/template/billing.js');

export interface Form {
  language: 'ts' | 'js';
  module: 'esm' | 'cjs';
}

export const FORMS: Form[] = [
  { language: 'ts', module: 'esm' },
  { language: 'ts', module: 'cjs' },
  { language: 'js', module: 'esm' },
  { language: 'js', module: 'cjs' },
];

export const formName = (form: Form) => `${form.language}/${form.module}`;

/** `chat`: usage priced in USD; `pro`: a monthly fixed fee, so its subscription waits for payment. */
export function testConfig(overrides: Partial<Pick<BillingConfig, 'customers' | 'usage' | 'gates'>> = {}): BillingConfig {
  return {
    provider: 'credyt',
    asset: 'USD',
    products: [
      {
        code: 'chat',
        name: 'Chat',
        prices: [
          {
            name: 'Tokens',
            type: 'usage_based',
            billing_model: { type: 'real_time' },
            usage_calculation: { event_type: 'message_completed', usage_type: 'volume', volume_field: 'total_tokens' },
            pricing: [{ asset: 'USD', values: [{ volume_rate: 0.001 }] }],
          },
        ],
      },
      {
        code: 'pro',
        name: 'Pro',
        prices: [
          {
            name: 'Monthly fee',
            type: 'fixed',
            billing_model: { type: 'recurring', recurring: { interval: 'month' } },
            pricing: [{ asset: 'USD', values: [{ unit_price: 20 }] }],
          },
        ],
      },
    ],
    events: [{ type: 'message_completed', calls: ['openai:*'], volumeField: 'total_tokens', estimate: 0.5 }],
    customers: { onError: 'log', returnUrl: '/welcome', failureUrl: '/billing/failed', createOnFirstUse: true, ...overrides.customers },
    usage: { onError: 'log', ...overrides.usage },
    gates: { onUnavailable: 'allow', topUpUrl: '/billing', ...overrides.gates },
    paths: {},
  };
}

/** A temporary folder for written modules; `remove()` it after the tests. */
export function scratchDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'billing-module-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

let loads = 0;

/**
 * Generates one form, writes it under `dir` and loads it the way an app would: `.mjs` through import(),
 * `.cjs` through require(). TypeScript forms are transpiled by the real compiler first, to the module system
 * they are meant for. Each call loads a fresh copy (its own caches and error handler).
 */
export async function loadBillingModule<M = BillingModule>(
  dir: string,
  form: Form,
  config: BillingConfig,
  serverOnly: GenerateBillingModuleOptions['serverOnly'] = null,
): Promise<M> {
  let code = generateBillingModule({ ...form, serverOnly, config });
  if (form.language === 'ts') {
    const module = form.module === 'esm' ? ts.ModuleKind.ES2022 : ts.ModuleKind.CommonJS;
    code = ts.transpileModule(code, { compilerOptions: { module, target: ts.ScriptTarget.ES2022 }, fileName: 'billing.ts' }).outputText;
  }
  const file = join(dir, `billing-${form.language}-${form.module}-${++loads}.${form.module === 'esm' ? 'mjs' : 'cjs'}`);
  writeFileSync(file, code);
  if (form.module === 'cjs') return createRequire(import.meta.url)(file) as M;
  return (await import(pathToFileURL(file).href)) as M;
}

export const API_KEY = 'key_test_billing_module';

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: any;
  status: number;
  fault?: 'status' | 'network';
}

/** A real sandbox seeded from testConfig(), with the calls tests make to it (admin ones need no key). */
export async function startTestSandbox() {
  const sandbox = await startSandbox({ port: 0, config: testConfig() });
  const api = client(sandbox.url, API_KEY);
  return {
    url: sandbox.url,
    close: () => sandbox.close(),
    api,
    reset: () => api.post('/_sandbox/reset'),
    quirks: (quirks: Record<string, unknown>) => api.post('/_sandbox/quirks', quirks),
    fault: (fault: { method?: string; path: string; status?: number; network?: true; hang?: true; body?: string; count: number }) => api.post('/_sandbox/faults', fault),
    requests: async (method?: string, path?: string): Promise<LoggedRequest[]> =>
      ((await api.get('/_sandbox/requests')).body as LoggedRequest[]).filter(
        (request) => (!method || request.method === method) && (!path || request.path === path),
      ),
    fund: (customerId: string, amount: number) => fund(api, customerId, amount),
  };
}

export type TestSandbox = Awaited<ReturnType<typeof startTestSandbox>>;

/** Points the module's env at `url` (and sets the key and APP_URL); returns a function that puts the old env back. */
export function billingEnv(url: string): () => void {
  const saved = { CREDYT_API_URL: process.env.CREDYT_API_URL, CREDYT_API_KEY: process.env.CREDYT_API_KEY, APP_URL: process.env.APP_URL };
  Object.assign(process.env, { CREDYT_API_URL: url, CREDYT_API_KEY: API_KEY, APP_URL: 'http://app.test' });
  return () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

/**
 * The setup every billing-module test file shares, registered on the calling file: one sandbox for the file,
 * reset before each test; the module's env pointed at it (put back after the file); a scratch folder for the
 * generated modules; and after each test, mocks restored and CREDYT_API_URL pointed back at the sandbox (tests
 * move it to take billing down). `sandbox` is filled in when the file's tests start.
 */
export function moduleTestSetup(): { sandbox: TestSandbox; scratch: ReturnType<typeof scratchDir> } {
  const sandbox = {} as TestSandbox;
  const scratch = scratchDir();
  let restoreEnv = () => {};
  beforeAll(async () => {
    Object.assign(sandbox, await startTestSandbox());
    restoreEnv = billingEnv(sandbox.url);
  });
  afterAll(async () => {
    restoreEnv();
    await sandbox.close?.();
    scratch.remove();
  });
  beforeEach(async () => {
    await sandbox.reset();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.env.CREDYT_API_URL = sandbox.url;
  });
  return { sandbox, scratch };
}

/** A URL where nothing listens: connections are refused at once. */
export async function unreachableUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

export const uid = (prefix = 'user') => `${prefix}_${randomUUID().slice(0, 8)}`;
