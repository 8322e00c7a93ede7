import { describe, expect, it } from 'vitest';
import { customer, event, start } from './helpers.js';

const tokensPrice = (rate: number) => ({
  name: 'Tokens',
  type: 'usage_based',
  billing_model: { type: 'real_time' },
  usage_calculation: { event_type: 'tokens_used', usage_type: 'volume', volume_field: 'tokens' },
  pricing: [{ asset: 'GEMS', values: [{ volume_rate: rate }] }],
});

describe('sandbox assets and products', () => {
  it('seeds assets and products from the config', async () => {
    const { api } = await start();
    const assets = await api.get('/assets');
    expect(assets.body.items.map((asset: { code: string }) => asset.code)).toEqual(['CREDIT']);
    expect((await api.get('/assets/CREDIT')).body).toMatchObject({ code: 'CREDIT', name: 'Credits', precision: 0, rates: [{ source: 'USD', rate: 0.05 }] });
    const products = await api.get('/products');
    expect(products.body.items.map((product: { code: string }) => product.code)).toEqual(['chat', 'pro', 'bare']);
    expect(products.body.items.every((product: { published: boolean }) => product.published)).toBe(true);
  });

  it('creates an asset, refuses a duplicate code, and 404s an unknown one', async () => {
    const { api } = await start();
    const created = await api.post('/assets', { code: 'GEMS', name: 'Gems', precision: 0, symbol: '💎', rates: [{ source: 'USD', rate: 0.01 }] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'GEMS', name: 'Gems', precision: 0, symbol: '💎' });
    const duplicate = await api.post('/assets', { code: 'GEMS', name: 'Again' });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.errors).toHaveProperty('code');
    expect((await api.get('/assets/NOPE')).status).toBe(404);
    expect((await api.post('/assets', { name: 'No code' })).body.errors).toHaveProperty('code');
  });

  it('creates a product with versions, finds it by code, and lets customers subscribe once published', async () => {
    const { api } = await start();
    await api.post('/assets', { code: 'GEMS', name: 'Gems', precision: 0 });
    const created = await api.post('/products', { name: 'Gem chat', code: 'gem_chat', prices: [tokensPrice(1)], publish: true });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'gem_chat', name: 'Gem chat', version: 1, published: true, is_default: true });
    expect(created.body.id).toMatch(/^prp_/);
    const read = await api.get(`/products/${created.body.id}`);
    expect(read.body.versions).toEqual([{ version: 1, published: true, is_default: true, created_at: expect.any(String) }]);
    const byCode = await api.get('/products?code=gem_chat');
    expect(byCode.body).toMatchObject({ total_count: 1, items: [{ id: created.body.id }] });

    const v2 = await api.post(`/products/${created.body.id}`, { prices: [tokensPrice(2)], publish: true });
    expect(v2.body).toMatchObject({ version: 2, is_default: false });
    expect((await api.patch(`/products/${created.body.id}/2`, { make_default: true })).body.is_default).toBe(true);
    const id = await customer(api, ['gem_chat']);
    expect((await api.get(`/customers/${id}`)).body.subscriptions[0].products[0].version).toBe(2);

    const draft = await api.post('/products', { name: 'Draft', code: 'draft', prices: [tokensPrice(1)] });
    expect(draft.body.published).toBe(false);
    const refused = await api.post('/customers', { name: 'Ada', subscriptions: [{ products: [{ code: 'draft' }] }] });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toHaveProperty(['subscriptions[0].products[0].code']);
  });

  it('validates product definitions with field paths', async () => {
    const { api } = await start();
    const duplicate = await api.post('/products', { name: 'Chat', code: 'chat', publish: true });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.errors).toHaveProperty('code');
    const bad = await api.post('/products', {
      name: 'Bad',
      code: 'bad',
      prices: [{ ...tokensPrice(1), pricing: [{ asset: 'GOLD', values: [{ volume_rate: 1 }] }] }, { ...tokensPrice(1), type: 'sometimes' }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toHaveProperty(['prices[0].pricing[0].asset']);
    expect(bad.body.errors).toHaveProperty(['prices[1].type']);
    const wrongType = await api.post('/products', { name: 'Bad', code: 'bad', prices: 'none' });
    expect(wrongType.status).toBe(400);
    expect((await api.get('/products?code=bad')).body.total_count).toBe(0);
  });

  it('simulates usage against a product version exactly as POST /events prices it, changing nothing', async () => {
    const { api, admin } = await start();
    const chat = (await api.get('/products?code=chat')).body.items[0];
    const events = [
      event('message_completed', { total_tokens: 1500 }, 's1'),
      event('audio_transcribed', { minutes: 25 }, 's2'),
      event('completion', { model: 'gpt-4', total_tokens: 10 }, 's3'),
      event('teleported', {}, 's4'),
    ];
    const before = JSON.stringify((await admin.get('/_sandbox/state')).body);
    const simulated = await api.post(`/products/${chat.id}/default/simulate-usage`, { events });
    expect(simulated.status).toBe(200);
    expect(simulated.body.events.map((entry: { fees: Array<{ amount: number }> }) => entry.fees.map((fee) => fee.amount))).toEqual([[1.5], [1.5], [0.3], []]);
    expect(simulated.body.totals).toEqual([{ asset: 'USD', amount: 3.3 }]);
    expect(JSON.stringify((await admin.get('/_sandbox/state')).body)).toBe(before);
    expect((await api.post(`/products/${chat.id}/1/simulate-usage`, { events })).body.totals).toEqual([{ asset: 'USD', amount: 3.3 }]);

    const id = await customer(api);
    await api.post('/events', { customer_id: id, events });
    const real = await Promise.all(['s1', 's2', 's3', 's4'].map(async (eventId) => (await api.get(`/events/${eventId}`)).body.fees));
    expect(real).toEqual(simulated.body.events.map((entry: { fees: unknown }) => entry.fees));
    expect((await api.post(`/products/${chat.id}/9/simulate-usage`, { events })).status).toBe(404);
    expect((await api.post(`/products/${chat.id}/default/simulate-usage`, { events: [{}] })).status).toBe(422);
  });
});
