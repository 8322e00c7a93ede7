// Shared setup for the sandbox tests: a billing config covering every pricing shape, a real sandbox on
// port 0, and the small fetch client (test/helpers/sandbox-client.ts).
import { afterEach } from 'vitest';
import type { BillingConfig } from '../../src/config/types.js';
import { type Sandbox, type SandboxOptions, startSandbox } from '../../src/sandbox/server.js';
import { type Client, client } from '../helpers/sandbox-client.js';

export { type Answer, type Client, client, fund } from '../helpers/sandbox-client.js';

export const KEY = 'key_test_sandbox';

export function testConfig(): BillingConfig {
  const realTime = { type: 'real_time' } as const;
  return {
    provider: 'credyt',
    asset: 'USD',
    assets: [{ code: 'CREDIT', name: 'Credits', precision: 0, rates: [{ source: 'USD', rate: 0.05 }] }],
    products: [
      {
        code: 'chat',
        name: 'Chat',
        prices: [
          {
            name: 'Tokens',
            type: 'usage_based',
            billing_model: realTime,
            usage_calculation: { event_type: 'message_completed', usage_type: 'volume', volume_field: 'total_tokens' },
            pricing: [{ asset: 'USD', values: [{ volume_rate: 0.001 }] }],
          },
          {
            name: 'Images',
            type: 'usage_based',
            billing_model: realTime,
            usage_calculation: { event_type: 'image_generated', usage_type: 'unit' },
            pricing: [{ asset: 'USD', values: [{ unit_price: 0.1 }] }],
          },
          {
            name: 'Transcription',
            type: 'usage_based',
            billing_model: realTime,
            usage_calculation: { event_type: 'audio_transcribed', usage_type: 'volume', volume_field: 'minutes' },
            pricing: [{ asset: 'USD', values: [{ volume_rate: 0.5, package_size: 10 }] }],
          },
          {
            name: 'Video',
            type: 'usage_based',
            billing_model: realTime,
            usage_calculation: { event_type: 'video_generated', usage_type: 'unit_and_volume', volume_field: 'seconds' },
            pricing: [{ asset: 'USD', values: [{ unit_price: 1, volume_rate: 0.25 }] }],
          },
          {
            name: 'Models',
            type: 'usage_based',
            billing_model: realTime,
            usage_calculation: { event_type: 'completion', usage_type: 'volume', volume_field: 'total_tokens', billable_dimensions: ['model'] },
            pricing: [
              {
                asset: 'USD',
                values: [
                  { name: 'GPT-4', dimensions: { model: 'gpt-4' }, values: [{ volume_rate: 0.03 }] },
                  { name: 'GPT-3.5', dimensions: { model: 'gpt-3.5' }, values: [{ volume_rate: 0.001 }] },
                ],
              },
            ],
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
          {
            name: 'Pro calls',
            type: 'usage_based',
            billing_model: realTime,
            usage_calculation: { event_type: 'pro_call', usage_type: 'unit' },
            pricing: [{ asset: 'CREDIT', values: [{ unit_price: 2 }] }],
          },
        ],
      },
      { code: 'bare', name: 'No prices yet' },
    ],
    events: [],
    customers: { onError: 'log' },
    usage: { onError: 'log' },
    gates: { onUnavailable: 'deny', topUpUrl: '/billing' },
    paths: {},
  };
}

const running: Sandbox[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.close()));
});

/** A sandbox on a free port, seeded from `testConfig()`, closed after the test. */
export async function start(options: SandboxOptions = {}): Promise<{ sandbox: Sandbox; api: Client; admin: Client }> {
  const sandbox = await startSandbox({ config: testConfig(), webhookRetryDelaysMs: [20, 40], ...options });
  running.push(sandbox);
  return { sandbox, api: client(sandbox.url, options.key ?? KEY), admin: client(sandbox.url) };
}

/** Creates a customer subscribed to `codes` (default: the usage-only `chat` product) and returns its id. */
export async function customer(api: Client, codes: string[] = ['chat'], extra: Record<string, unknown> = {}): Promise<string> {
  const answer = await api.post('/customers', {
    name: 'Ada',
    external_id: `user_${Math.random().toString(36).slice(2)}`,
    subscriptions: [{ products: codes.map((code) => ({ code })), ...extra }],
  });
  if (answer.status !== 201) throw new Error(`customer creation failed: ${answer.status} ${answer.text}`);
  return answer.body.id as string;
}

export async function balance(api: Client, customerId: string, accountId = 'default:USD'): Promise<number> {
  const answer = await api.get(`/customers/${customerId}/wallet/${encodeURIComponent(accountId)}`);
  if (answer.status !== 200) throw new Error(`balance read failed: ${answer.status} ${answer.text}`);
  return answer.body.available as number;
}

export function event(type: string, data: Record<string, unknown> = {}, id: string = crypto.randomUUID()): Record<string, unknown> {
  return { id, event_type: type, occurred_at: new Date().toISOString(), subject: 'test', data };
}

/** Polls `check` until it returns a value (not undefined) or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
