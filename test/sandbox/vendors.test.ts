import { describe, expect, it } from 'vitest';
import { customer, event, fund, start } from './helpers.js';

const cost = (amount: number, ref: Record<string, string> = { vendor_external_id: 'openai' }) => ({ id: crypto.randomUUID(), ...ref, amount, currency: 'USD', metadata: { model: 'gpt-4o-mini' } });

describe('sandbox vendors and costs', () => {
  it('creates vendors at /vendors and at /events/vendors (the path the profitability guide gives), and finds them by external id', async () => {
    const { api } = await start();
    const made = await api.post('/vendors', { name: 'OpenAI', external_id: 'openai' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ id: expect.stringMatching(/^vnd_/), name: 'OpenAI', external_id: 'openai' });
    expect((await api.post('/events/vendors', { name: 'Anthropic', external_id: 'anthropic' })).status).toBe(201);
    const twice = await api.post('/vendors', { name: 'OpenAI', external_id: 'openai' });
    expect(twice.status).toBe(422);
    expect(twice.body.errors).toHaveProperty(['external_id']);
    expect((await api.get('/vendors?external_id=anthropic')).body.items.map((v: { name: string }) => v.name)).toEqual(['Anthropic']);
    expect((await api.get(`/vendors/${made.body.id}`)).body.external_id).toBe('openai');
    expect((await api.get('/vendors/vnd_nope')).status).toBe(404);
  });

  it('keeps the costs on the event and reports its margin: fees less costs, in USD', async () => {
    const { api } = await start();
    const vendor = (await api.post('/vendors', { name: 'OpenAI', external_id: 'openai' })).body as { id: string };
    const id = await customer(api);
    await fund(api, id, 10);
    const sent = await api.post('/events', { customer_id: id, events: [{ ...event('message_completed', { total_tokens: 1500 }, 'm1'), costs: [cost(0.25), cost(0.05, { vendor_id: vendor.id })] }] });
    expect(sent.status).toBe(201);
    const read = (await api.get('/events/m1')).body;
    expect(read.costs).toHaveLength(2);
    expect(read.margin).toEqual({ currency: 'USD', revenue: 1.5, costs: 0.3, net: 1.2 });
    expect((await api.get('/events?limit=1')).body.items[0].margin.net).toBe(1.2);
  });

  it('refuses an event whose cost names no known vendor, or lacks an amount or currency, naming the field', async () => {
    const { api } = await start();
    const id = await customer(api);
    const unknown = await api.post('/events', { customer_id: id, events: [{ ...event('message_completed', { total_tokens: 1 }), costs: [cost(0.1, { vendor_external_id: 'nobody' })] }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual({ 'events[0].costs[0].vendor_external_id': ['no vendor with external_id "nobody" (create it with POST /vendors)'] });
    const bad = await api.post('/events', { customer_id: id, events: [{ ...event('message_completed', { total_tokens: 1 }), costs: [{ vendor_external_id: 'openai' }] }] });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['events[0].costs[0].amount', 'events[0].costs[0].currency']);
  });
});
