// verify --live against the real sandbox: a test customer, one event per type read back, the balance moved by
// exactly the fee, and the generated gate refusing once the wallet is empty; a price that differs is caught.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BillingConfig } from '../../src/config/types.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { liveChecks } from '../../src/verify/live-checks.js';

const config = (rate: number): BillingConfig =>
  ({
    provider: 'credyt',
    asset: 'USD',
    products: [
      {
        code: 'ai_usage',
        prices: [
          { name: 'Text', type: 'usage_based', billing_model: { type: 'real_time' }, usage_calculation: { event_type: 'chat_completion', usage_type: 'volume', volume_field: 'total_tokens' }, pricing: [{ asset: 'USD', values: [{ volume_rate: rate }] }] },
          { name: 'Images', type: 'usage_based', billing_model: { type: 'real_time' }, usage_calculation: { event_type: 'image_generation', usage_type: 'unit' }, pricing: [{ asset: 'USD', values: [{ unit_price: 0.04 }] }] },
        ],
      },
    ],
    events: [
      { type: 'chat_completion', calls: ['openai:chat.completions.create'], estimate: 0.01 },
      { type: 'image_generation', calls: ['openai:images.generate'], estimate: 0.04 },
    ],
    customers: { onError: 'log' },
    usage: { onError: 'log' },
    gates: { onUnavailable: 'allow', topUpUrl: '/billing' },
    paths: {},
  }) as BillingConfig;

let sandbox: Sandbox;
const saved = { url: process.env.CREDYT_API_URL, key: process.env.CREDYT_API_KEY };
beforeEach(async () => {
  sandbox = await startSandbox({ config: config(0.00001) });
  process.env.CREDYT_API_URL = sandbox.url;
  process.env.CREDYT_API_KEY = 'test_key';
});
afterEach(async () => {
  await sandbox.close();
  process.env.CREDYT_API_URL = saved.url;
  process.env.CREDYT_API_KEY = saved.key;
});

describe('verify --live', () => {
  it('bills one realistic event per type at the config price, moves the balance by exactly that, and refuses once empty', async () => {
    const checks = await liveChecks(config(0.00001));
    expect(checks.map((c) => [c.name, c.status])).toEqual([
      ['live: test customer', 'pass'],
      ['live: funded', 'pass'],
      ['live: chat_completion', 'pass'],
      ['live: image_generation', 'pass'],
      ['live: an empty wallet is refused', 'pass'],
    ]);
    expect(checks[2]!.detail).toBe('{"total_tokens":1000}: fee 0.01 USD (config: 0.01), balance moved by 0.01');
    expect(checks[0]!.detail).toMatch(/billing-codemod-verify-.*stays in test mode/);
  });

  it('fails an event type whose fee is not what the config says (the product in Credyt has another price)', async () => {
    const checks = await liveChecks(config(0.00002));
    expect(checks.find((c) => c.name === 'live: chat_completion')).toMatchObject({ status: 'fail', detail: '{"total_tokens":1000}: fee 0.01 USD (config: 0.02), balance moved by 0.01' });
  });

  it('fails with the reason when the API cannot be reached', async () => {
    process.env.CREDYT_API_URL = 'http://127.0.0.1:9';
    const [check] = await liveChecks(config(0.00001));
    expect(check).toMatchObject({ name: 'live: billing API', status: 'fail', detail: expect.stringContaining('did not answer') });
  });
});
