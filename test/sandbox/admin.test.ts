import { describe, expect, it } from 'vitest';
import { customer, fund, start } from './helpers.js';

describe('sandbox admin endpoints', () => {
  it('resets to the seeded state: customers gone, seeded products kept with the same ids, quirks back to default', async () => {
    const { api, admin } = await start();
    const chatId = (await api.get('/products?code=chat')).body.items[0].id;
    const id = await customer(api);
    await fund(api, id, 5);
    await api.post('/assets', { code: 'GEMS', name: 'Gems' });
    await admin.post('/_sandbox/quirks', { customerLookup: 'list' });
    expect((await admin.get('/_sandbox/state')).body.customers).toHaveLength(1);

    expect((await admin.post('/_sandbox/reset')).status).toBe(200);
    expect((await admin.get('/_sandbox/requests')).body).toEqual([]);
    const state = (await admin.get('/_sandbox/state')).body;
    expect(state.customers).toEqual([]);
    expect(state.adjustments).toEqual([]);
    expect(state.assets.map((asset: { code: string }) => asset.code)).toEqual(['CREDIT']);
    expect((await api.get('/products?code=chat')).body.items[0].id).toBe(chatId);
    expect((await admin.get('/_sandbox/quirks')).body).toEqual({ duplicateCustomerStatus: 422, customerLookup: 'object', pendingStatus: 'pending' });
    expect((await api.get(`/customers/${id}`)).status).toBe(404);
  });

  it('rejects unknown quirks and values', async () => {
    const { admin } = await start();
    expect((await admin.post('/_sandbox/quirks', { duplicateCustomerStatus: 400 })).status).toBe(422);
    expect((await admin.post('/_sandbox/quirks', { lookup: 'list' })).status).toBe(422);
    expect((await admin.get('/_sandbox/quirks')).body.duplicateCustomerStatus).toBe(422);
  });

  it('advances the clock used for timestamps', async () => {
    const start0 = Date.parse('2026-03-01T12:00:00Z');
    const { api, admin } = await start({ now: () => start0 });
    expect((await admin.post('/_sandbox/clock', { advanceSeconds: 3600 })).body.now).toBe('2026-03-01T13:00:00.000Z');
    const created = await api.post('/customers', { name: 'Ada' });
    expect(created.body.created_at).toBe('2026-03-01T13:00:00.000Z');
  });

  it('lists webhook destinations and reads one back with its secret', async () => {
    const { api } = await start();
    const created = await api.post('/webhooks', { url: 'http://127.0.0.1:9/hook' });
    const listed = await api.get('/webhooks');
    expect(listed.body).toMatchObject({ total_count: 1, items: [{ id: created.body.id, url: 'http://127.0.0.1:9/hook', topics: ['*'] }] });
    expect((await api.get(`/webhooks/${created.body.id}`)).body.secret).toBe(created.body.secret);
    expect((await api.post('/webhooks', { url: 'ftp://example.com' })).body.errors).toHaveProperty('url');
    expect((await api.get('/webhooks/whd_nope')).status).toBe(404);
  });
});
