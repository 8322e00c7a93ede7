import { describe, expect, it } from 'vitest';
import { start } from './helpers.js';

describe('sandbox customers', () => {
  it('creates a customer subscribed to a usage product, active at once, with wallet accounts provisioned', async () => {
    const { api } = await start();
    const created = await api.post('/customers', {
      name: 'Ada',
      email: 'ada@example.com',
      external_id: 'user_1',
      subscriptions: [{ products: [{ code: 'chat' }] }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Ada', email: 'ada@example.com', external_id: 'user_1' });
    expect(created.body.id).toMatch(/^cust_/);
    expect(typeof created.body.created_at).toBe('string');
    const [subscription] = created.body.subscriptions;
    expect(subscription.id).toMatch(/^sub_/);
    expect(subscription.status).toBe('active');
    expect(subscription.required_actions).toBeUndefined();
    expect(subscription.products).toEqual([{ id: expect.stringMatching(/^prp_/), code: 'chat', version: 1 }]);

    const wallet = await api.get(`/customers/${created.body.id}/wallet`);
    expect(wallet.body.accounts).toEqual([{ id: 'default:USD', name: 'default', asset: 'USD', available: 0, pending_in: 0, pending_out: 0 }]);

    const read = await api.get(`/customers/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: created.body.id, external_id: 'user_1', subscriptions: [{ status: 'active', products: [{ code: 'chat' }] }] });
  });

  it('creates a customer without subscriptions and subscribes to a product that has no prices', async () => {
    const { api } = await start();
    expect((await api.post('/customers', { name: 'Solo' })).status).toBe(201);
    const bare = await api.post('/customers', { name: 'Bare', subscriptions: [{ products: [{ code: 'bare', version: 'default' }] }] });
    expect(bare.status).toBe(201);
    expect(bare.body.subscriptions[0]).toMatchObject({ status: 'active', products: [{ code: 'bare', version: 1 }] });
  });

  it('answers a duplicate external_id with a 422 naming external_id by default', async () => {
    const { api } = await start();
    expect((await api.post('/customers', { name: 'Ada', external_id: 'user_dup' })).status).toBe(201);
    const again = await api.post('/customers', { name: 'Ada again', external_id: 'user_dup' });
    expect(again.status).toBe(422);
    expect(again.headers.get('content-type')).toBe('application/problem+json');
    expect(again.body.errors.external_id[0]).toContain('already exists');
    expect((await api.get('/customers')).body.total_count).toBe(1);
  });

  it('answers a duplicate external_id with 409 under the duplicateCustomerStatus quirk', async () => {
    const { api, admin } = await start();
    expect((await admin.post('/_sandbox/quirks', { duplicateCustomerStatus: 409 })).body.duplicateCustomerStatus).toBe(409);
    await api.post('/customers', { name: 'Ada', external_id: 'user_dup' });
    const again = await api.post('/customers', { name: 'Ada', external_id: 'user_dup' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ status: 409, title: 'Conflict' });
  });

  it('looks a customer up by external_id as a single object by default, 404 when there is none', async () => {
    const { api } = await start();
    const created = await api.post('/customers', { name: 'Ada', external_id: 'user_look' });
    const found = await api.get('/customers?external_id=user_look');
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ id: created.body.id, external_id: 'user_look' });
    const missing = await api.get('/customers?external_id=nobody');
    expect(missing.status).toBe(404);
    expect(missing.body.status).toBe(404);
  });

  it('looks a customer up as a paged list under the customerLookup quirk, empty when there is none', async () => {
    const { api, admin } = await start();
    await admin.post('/_sandbox/quirks', { customerLookup: 'list' });
    const created = await api.post('/customers', { name: 'Ada', external_id: 'user_look' });
    await api.post('/customers', { name: 'Bob', external_id: 'user_other' });
    const found = await api.get('/customers?external_id=user_look');
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ total_count: 1, limit: 20, offset: 0 });
    expect(found.body.items.map((item: { id: string }) => item.id)).toEqual([created.body.id]);
    const missing = await api.get('/customers?external_id=nobody');
    expect(missing.status).toBe(200);
    expect(missing.body).toMatchObject({ items: [], total_count: 0 });
  });

  it('rejects an unknown product code with a 422 naming the field path, and creates nothing', async () => {
    const { api } = await start();
    const answer = await api.post('/customers', {
      name: 'Ada',
      external_id: 'user_x',
      subscriptions: [{ products: [{ code: 'chat' }, { code: 'nope' }] }],
    });
    expect(answer.status).toBe(422);
    expect(Object.keys(answer.body.errors)).toEqual(['subscriptions[0].products[1].code']);
    expect(answer.body.detail).toContain('subscriptions[0].products[1].code');
    expect((await api.get('/customers')).body.total_count).toBe(0);
  });

  it('validates types (400) and required fields (422)', async () => {
    const { api } = await start();
    const wrongType = await api.post('/customers', { name: 42 });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors).toHaveProperty('name');
    const missing = await api.post('/customers', { email: 'x@example.com' });
    expect(missing.status).toBe(422);
    expect(missing.body.errors.name).toEqual(['is required']);
    const badVersion = await api.post('/customers', { name: 'Ada', subscriptions: [{ products: [{ code: 'chat', version: 7 }] }] });
    expect(badVersion.status).toBe(422);
    expect(badVersion.body.errors).toHaveProperty(['subscriptions[0].products[0].version']);
  });

  it('lists customers with paging and 404s an unknown id', async () => {
    const { api } = await start();
    for (const name of ['A', 'B', 'C']) await api.post('/customers', { name });
    const second = await api.get('/customers?limit=1&offset=1');
    expect(second.body).toMatchObject({ total_count: 3, limit: 1, offset: 1 });
    expect(second.body.items.map((item: { name: string }) => item.name)).toEqual(['B']);
    expect((await api.get('/customers?limit=0')).status).toBe(400);
    const unknown = await api.get('/customers/cust_missing');
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toContain('cust_missing');
  });
});
