// products push against the real sandbox (started empty): payloads first, creation, idempotence, a changed
// price as a new default version, vendors, and one simulated event per price whose fee matches the config.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogApi, type CatalogApi } from '../../src/catalog/api.js';
import { planPush, runPush, simulatePrices } from '../../src/catalog/push.js';
import type { BillingConfig } from '../../src/config/types.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { runCli } from '../helpers/cli.js';

const config = (rate = 0.00002): BillingConfig =>
  ({
    provider: 'credyt',
    asset: 'CREDIT',
    assets: [{ code: 'CREDIT', name: 'Credits', precision: 2, rates: [{ source: 'USD', rate: 0.01 }] }],
    products: [
      {
        code: 'ai_usage',
        name: 'AI usage',
        prices: [
          { name: 'Text', type: 'usage_based', billing_model: { type: 'real_time' }, usage_calculation: { event_type: 'chat_completion', usage_type: 'volume', volume_field: 'total_tokens' }, pricing: [{ asset: 'CREDIT', values: [{ volume_rate: rate }] }] },
          { name: 'Images', type: 'usage_based', billing_model: { type: 'real_time' }, usage_calculation: { event_type: 'image_generation', usage_type: 'unit' }, pricing: [{ asset: 'CREDIT', values: [{ unit_price: 4 }] }] },
        ],
      },
    ],
    events: [{ type: 'chat_completion', calls: ['openai:chat.completions.create'], estimate: 1 }],
    customers: { onError: 'log' },
    usage: { onError: 'log' },
    gates: { onUnavailable: 'allow', topUpUrl: '/billing' },
    paths: {},
  }) as BillingConfig;

let sandbox: Sandbox;
let api: CatalogApi;
beforeAll(async () => {
  sandbox = await startSandbox({});
  api = catalogApi({ CREDYT_API_URL: sandbox.url, CREDYT_API_KEY: 'test_key' });
});
afterAll(() => sandbox.close());

describe('products push', () => {
  it('creates the asset, the vendor and the published product, then finds nothing left to send', async () => {
    const plan = await planPush(api, config());
    expect(plan.steps.map((s) => `${s.method} ${s.path}`)).toEqual(['POST /assets', 'POST /vendors', 'POST /products']);
    expect(plan.steps[2]!.body).toMatchObject({ code: 'ai_usage', publish: true, prices: config().products[0]!.prices });
    await runPush(api, plan);
    const again = await planPush(api, config());
    expect(again.steps).toEqual([]);
    expect(again.unchanged).toEqual(['asset CREDIT', 'vendor openai', 'product ai_usage']);
  });

  it('simulates one event per price: the fee charged equals the price in the config', async () => {
    const simulations = await simulatePrices(api, config());
    expect(simulations.map((s) => [s.price, s.data, s.fee, s.ok])).toEqual([
      ['Text', { total_tokens: 1000 }, [{ asset: 'CREDIT', amount: 0.02 }], true],
      ['Images', {}, [{ asset: 'CREDIT', amount: 4 }], true],
    ]);
  });

  it('turns a changed price into a new version made the default, never an edit of the old one', async () => {
    const plan = await planPush(api, config(0.00005));
    expect(plan.steps.map((s) => s.what)).toEqual(['new version of product ai_usage (its prices changed), published as the default']);
    await runPush(api, plan);
    const product = ((await api.get('/products?code=ai_usage')).body as { items: Array<{ version: number; versions: unknown[] }> }).items[0]!;
    expect(product.version).toBe(2);
    expect(product.versions).toHaveLength(2);
    expect((await simulatePrices(api, config(0.00005)))[0]).toMatchObject({ fee: [{ asset: 'CREDIT', amount: 0.05 }], ok: true });
  });

  it('reports an asset that exists with other settings instead of changing it', async () => {
    const changed = config();
    changed.assets![0]!.precision = 0;
    expect((await planPush(api, changed)).problems).toEqual([expect.stringMatching(/^asset CREDIT exists with other settings/)]);
  });
});

describe('products push from the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'products-push-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the payloads and sends nothing with --dry-run; refuses to send without --yes and no terminal', async () => {
    const fresh = await startSandbox({});
    try {
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'push-app', dependencies: { openai: '6.0.0' } }));
      writeFileSync(join(dir, 'billing.config.json'), JSON.stringify(config()));
      const env = { CREDYT_API_URL: fresh.url, CREDYT_API_KEY: 'test_key' };
      const dry = await runCli(['products', 'push', dir, '--dry-run'], { env });
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toContain('POST /products  create product ai_usage (published)');
      expect(dry.stdout).toContain('"volume_rate": 0.00002');
      expect((await runCli(['products', 'push', dir], { env })).code).toBe(1);
      expect(((await catalogApi(env).get('/products')).body as { items: unknown[] }).items).toEqual([]);
      const sent = await runCli(['products', 'push', dir, '--yes'], { env });
      expect(sent.code, sent.stdout + sent.stderr).toBe(0);
      expect(sent.stdout).toMatch(/ok {3}ai_usage "Text" chat_completion \{"total_tokens":1000\}: 0.02 CREDIT \/ 0.02 CREDIT/);
    } finally {
      await fresh.close();
    }
  });

  it('says what is missing when there is no API key', async () => {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'push-app' }));
    writeFileSync(join(dir, 'billing.config.json'), JSON.stringify(config()));
    const run = await runCli(['products', 'push', dir, '--dry-run'], { env: { CREDYT_API_KEY: '' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('CREDYT_API_KEY is not set');
  });
});
