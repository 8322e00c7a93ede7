import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/server.js';
import { balance, client, customer, event, fund, KEY, testConfig } from './helpers.js';

describe('sandbox state persistence', () => {
  it('keeps customers, balances, events and webhooks across a restart with the same state file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
    const statePath = join(dir, 'state.json');
    const first = await startSandbox({ config: testConfig(), statePath });
    const api = client(first.url, KEY);
    const id = await customer(api);
    await fund(api, id, 10);
    await api.post('/events', { customer_id: id, events: [event('image_generated', {}, 'persisted')] });
    const hook = (await api.post('/webhooks', { url: 'http://127.0.0.1:9/hook' })).body;
    const onDisk = JSON.parse(readFileSync(statePath, 'utf8'));
    expect(onDisk.customers.map((entry: { id: string }) => entry.id)).toEqual([id]);
    await first.close();
    expect(readdirSync(dir)).toEqual(['state.json']); // no temp files left behind

    const second = await startSandbox({ config: testConfig(), statePath });
    try {
      const again = client(second.url, KEY);
      expect(await balance(again, id)).toBe(9.9);
      expect((await again.get('/events/persisted')).body.fees[0].amount).toBe(0.1);
      expect((await again.get(`/webhooks/${hook.id}`)).body.secret).toBe(hook.secret);
      const duplicate = await again.post('/events', { customer_id: id, events: [event('image_generated', {}, 'persisted')] });
      expect(duplicate.body.events[0].duplicate).toBe(true);
    } finally {
      await second.close();
    }
  });

  it('adds products that were added to the config since the state file was written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
    const statePath = join(dir, 'state.json');
    const config = testConfig();
    const first = await startSandbox({ config: { ...config, products: config.products.slice(0, 1) }, statePath });
    await first.close();
    const second = await startSandbox({ config, statePath });
    try {
      const codes = (await client(second.url, KEY).get('/products')).body.items.map((product: { code: string }) => product.code);
      expect(codes).toEqual(['chat', 'pro', 'bare']);
    } finally {
      await second.close();
    }
  });

  it('keeps state in memory only without a state file', async () => {
    const first = await startSandbox({ config: testConfig() });
    const id = await customer(client(first.url, KEY));
    await first.close();
    const second = await startSandbox({ config: testConfig() });
    try {
      expect((await client(second.url, KEY).get(`/customers/${id}`)).status).toBe(404);
    } finally {
      await second.close();
    }
  });

  it('refuses a state file that is not valid JSON, naming it', async () => {
    const statePath = join(mkdtempSync(join(tmpdir(), 'sandbox-state-')), 'broken.json');
    writeFileSync(statePath, '{ not json');
    await expect(startSandbox({ statePath })).rejects.toThrow(`sandbox state file ${statePath} is not valid JSON`);
  });

  it('refuses a config whose product prices in an unknown asset, naming the field', async () => {
    const config = testConfig();
    config.assets = [];
    await expect(startSandbox({ config })).rejects.toThrow('products[1].prices[1].pricing[0].asset');
  });
});
