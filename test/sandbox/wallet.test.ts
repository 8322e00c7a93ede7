import { describe, expect, it } from 'vitest';
import { balance, customer, start } from './helpers.js';

describe('sandbox wallet', () => {
  it('reads one account by id, with the colon plain or URL-encoded, and 404s an unknown account', async () => {
    const { api } = await start();
    const id = await customer(api);
    const plain = await api.get(`/customers/${id}/wallet/default:USD`);
    expect(plain.status).toBe(200);
    expect(plain.body).toEqual({ id: 'default:USD', name: 'default', asset: 'USD', available: 0, pending_in: 0, pending_out: 0 });
    expect((await api.get(`/customers/${id}/wallet/default%3AUSD`)).body).toEqual(plain.body);
    const unknown = await api.get(`/customers/${id}/wallet/default:EUR`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
    expect((await api.get('/customers/cust_nobody/wallet')).status).toBe(404);
  });

  it('credits an adjustment once per transaction_id and answers a retry with the same id', async () => {
    const { api } = await start();
    const id = await customer(api);
    const adjustment = { transaction_id: 'txn-1', asset: 'USD', amount: 25, reason: 'external_topup', metadata: { psp: 'stripe' } };
    const first = await api.post(`/customers/${id}/wallet/adjustments`, adjustment);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: expect.any(String), created_at: expect.any(String) });
    const retry = await api.post(`/customers/${id}/wallet/adjustments`, adjustment);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await balance(api, id)).toBe(25);
    await api.post(`/customers/${id}/wallet/adjustments`, { transaction_id: 'refund-1', asset: 'USD', amount: -5.5, reason: 'external_refund' });
    expect(await balance(api, id)).toBe(19.5);
  });

  it('creates the account an adjustment needs, including a named account and a custom asset', async () => {
    const { api } = await start();
    const id = (await api.post('/customers', { name: 'Walletless' })).body.id;
    expect((await api.get(`/customers/${id}/wallet`)).body.accounts).toEqual([]);
    await api.post(`/customers/${id}/wallet/adjustments`, { transaction_id: 'gift-1', asset: 'CREDIT', amount: 100, reason: 'gift' });
    await api.post(`/customers/${id}/wallet/adjustments`, { transaction_id: 'promo-1', asset: 'USD', amount: 3, account_name: 'promo' });
    const accounts = (await api.get(`/customers/${id}/wallet`)).body.accounts;
    expect(accounts.map((account: { id: string; available: number }) => [account.id, account.available])).toEqual([
      ['default:CREDIT', 100],
      ['promo:USD', 3],
    ]);
  });

  it('validates adjustments and applies nothing on error', async () => {
    const { api } = await start();
    const id = await customer(api);
    const missing = await api.post(`/customers/${id}/wallet/adjustments`, { asset: 'USD', amount: 5 });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toHaveProperty('transaction_id');
    const wrongType = await api.post(`/customers/${id}/wallet/adjustments`, { transaction_id: 't', asset: 'USD', amount: '5' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors).toHaveProperty('amount');
    const unknownAsset = await api.post(`/customers/${id}/wallet/adjustments`, { transaction_id: 't2', asset: 'GOLD', amount: 5 });
    expect(unknownAsset.status).toBe(422);
    expect(unknownAsset.body.errors).toHaveProperty('asset');
    expect(await balance(api, id)).toBe(0);
    const other = await customer(api);
    await api.post(`/customers/${id}/wallet/adjustments`, { transaction_id: 'shared', asset: 'USD', amount: 1 });
    const reused = await api.post(`/customers/${other}/wallet/adjustments`, { transaction_id: 'shared', asset: 'USD', amount: 1 });
    expect(reused.status).toBe(422);
    expect(await balance(api, other)).toBe(0);
  });
});
