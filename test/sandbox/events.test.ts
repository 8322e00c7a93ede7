import { describe, expect, it } from 'vitest';
import { balance, customer, event, fund, start } from './helpers.js';

describe('sandbox usage events', () => {
  it('bills unit pricing per event and answers 201 with per-event duplicate flags', async () => {
    const { api } = await start();
    const id = await customer(api);
    await fund(api, id, 10);
    const sent = await api.post('/events', { customer_id: id, events: [event('image_generated', {}, 'e1'), event('image_generated', {}, 'e2')] });
    expect(sent.status).toBe(201);
    expect(sent.body).toEqual({ events: [{ id: 'e1', duplicate: false }, { id: 'e2', duplicate: false }] });
    expect(await balance(api, id)).toBe(9.8);
    const read = await api.get('/events/e1');
    expect(read.body).toMatchObject({ id: 'e1', customer_id: id, event_type: 'image_generated', subject: 'test', data: {} });
    expect(read.body.fees).toEqual([
      { amount: 0.1, asset: 'USD', product_id: expect.stringMatching(/^prp_/), product_code: 'chat', product_version: 1, price_name: 'Images' },
    ]);
  });

  it('is idempotent per event id: a resubmitted id is accepted, flagged duplicate and not billed again', async () => {
    const { api, admin } = await start();
    const id = await customer(api);
    const batch = { customer_id: id, events: [event('image_generated', {}, 'same-id')] };
    expect((await api.post('/events', batch)).body.events).toEqual([{ id: 'same-id', duplicate: false }]);
    const again = await api.post('/events', batch);
    expect(again.status).toBe(201);
    expect(again.body.events).toEqual([{ id: 'same-id', duplicate: true }]);
    const inBatch = await api.post('/events', { customer_id: id, events: [event('image_generated', {}, 'twin'), event('image_generated', {}, 'twin')] });
    expect(inBatch.body.events).toEqual([{ id: 'twin', duplicate: false }, { id: 'twin', duplicate: true }]);
    expect(await balance(api, id)).toBe(-0.2);
    const log = (await admin.get('/_sandbox/requests')).body.filter((entry: { path: string }) => entry.path === '/events');
    expect(log.map((entry: { body: { events: Array<{ id: string }> } }) => entry.body.events[0].id)).toEqual(['same-id', 'same-id', 'twin']);
  });

  it('prices volume as volume_rate x data[volume_field], without float dust', async () => {
    const { api } = await start();
    const id = await customer(api);
    await api.post('/events', { customer_id: id, events: [event('message_completed', { total_tokens: 1500 }, 'v1')] });
    expect((await api.get('/events/v1')).body.fees[0].amount).toBe(1.5);
    expect(await balance(api, id)).toBe(-1.5);
    await api.post('/events', { customer_id: id, events: [event('message_completed', { total_tokens: 100 }), event('message_completed', { total_tokens: 200 })] });
    expect(await balance(api, id)).toBe(-1.8); // 1.5 + 0.1 + 0.2, exactly
  });

  it('adds 0.1 + 0.2 to exactly 0.3 in a wallet', async () => {
    const { api } = await start();
    const id = await customer(api, ['bare']);
    await fund(api, id, 0.1);
    await fund(api, id, 0.2);
    expect(await balance(api, id)).toBe(0.3);
  });

  it('rounds volume up to whole packages with package_size and charges volume_rate per package', async () => {
    const { api } = await start();
    const id = await customer(api);
    await api.post('/events', {
      customer_id: id,
      events: [event('audio_transcribed', { minutes: 25 }, 'p1'), event('audio_transcribed', { minutes: 10 }, 'p2'), event('audio_transcribed', { minutes: 0 }, 'p3')],
    });
    expect((await api.get('/events/p1')).body.fees[0].amount).toBe(1.5); // 3 packages of 10
    expect((await api.get('/events/p2')).body.fees[0].amount).toBe(0.5);
    expect((await api.get('/events/p3')).body.fees[0].amount).toBe(0);
    expect(await balance(api, id)).toBe(-2);
  });

  it('charges unit_and_volume as unit_price plus volume, and only the unit part when the volume is missing', async () => {
    const { api } = await start();
    const id = await customer(api);
    await api.post('/events', { customer_id: id, events: [event('video_generated', { seconds: 8 }, 'uv1'), event('video_generated', {}, 'uv2')] });
    expect((await api.get('/events/uv1')).body.fees[0].amount).toBe(3);
    const partial = await api.get('/events/uv2');
    expect(partial.body.fees[0].amount).toBe(1);
    expect(partial.body.notes.join(' ')).toContain('data.seconds is missing');
    expect(await balance(api, id)).toBe(-4);
  });

  it('prices dimensions by the entry whose dimensions equal the event data; no match means no fee, noted', async () => {
    const { api } = await start();
    const id = await customer(api);
    await api.post('/events', {
      customer_id: id,
      events: [
        event('completion', { model: 'gpt-4', total_tokens: 100 }, 'd1'),
        event('completion', { model: 'gpt-3.5', total_tokens: 100 }, 'd2'),
        event('completion', { model: 'claude', total_tokens: 100 }, 'd3'),
      ],
    });
    expect((await api.get('/events/d1')).body.fees[0].amount).toBe(3);
    expect((await api.get('/events/d2')).body.fees[0].amount).toBe(0.1);
    const unmatched = await api.get('/events/d3');
    expect(unmatched.body.fees).toEqual([]);
    expect(unmatched.body.notes.join(' ')).toContain('model="claude"');
    expect(await balance(api, id)).toBe(-3.1);
  });

  it('allows overdraft: a wallet goes negative', async () => {
    const { api } = await start();
    const id = await customer(api);
    await fund(api, id, 0.15);
    await api.post('/events', { customer_id: id, events: [event('image_generated'), event('image_generated')] });
    expect(await balance(api, id)).toBe(-0.05);
  });

  it('accepts unknown event types and events of unsubscribed customers without billing them', async () => {
    const { api } = await start();
    const id = await customer(api);
    const unknown = await api.post('/events', { customer_id: id, events: [event('teleported', {}, 'u1')] });
    expect(unknown.status).toBe(201);
    expect((await api.get('/events/u1')).body.fees).toEqual([]);
    const loner = (await api.post('/customers', { name: 'No plan', external_id: 'loner' })).body.id;
    const viaExternal = await api.post('/events', { customer_external_id: 'loner', events: [event('image_generated', {}, 'u2')] });
    expect(viaExternal.status).toBe(201);
    const stored = await api.get('/events/u2');
    expect(stored.body).toMatchObject({ customer_id: loner, fees: [] });
    expect(stored.body.notes[0]).toContain('no active subscription');
    expect(await balance(api, id)).toBe(0);
    expect((await api.get(`/customers/${loner}/wallet`)).body.accounts).toEqual([]);
  });

  it('does not bill a customer whose only subscription is pending payment', async () => {
    const { api } = await start();
    const id = await customer(api, ['pro']);
    await api.post('/events', { customer_id: id, events: [event('pro_call', {}, 'pending-1')] });
    expect((await api.get('/events/pending-1')).body.fees).toEqual([]);
    expect(await balance(api, id, 'default:CREDIT')).toBe(0);
  });

  it('validates the whole batch first: one bad event fails it with the field named, and nothing is applied', async () => {
    const { api } = await start();
    const id = await customer(api);
    const missing = await api.post('/events', { customer_id: id, events: [event('image_generated', {}, 'ok-1'), { event_type: 'image_generated', occurred_at: new Date().toISOString() }] });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual({ 'events[1].id': ['is required'] });
    const wrongType = await api.post('/events', { customer_id: id, events: [event('image_generated', {}, 'ok-2'), { ...event('x'), data: 'nope' }] });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors).toHaveProperty(['events[1].data']);
    const badDate = await api.post('/events', { customer_id: id, events: [{ ...event('x'), occurred_at: 'yesterday' }] });
    expect(badDate.body.errors).toHaveProperty(['events[0].occurred_at']);
    const noCustomer = await api.post('/events', { customer_id: 'cust_nobody', events: [event('image_generated', {}, 'ok-3')] });
    expect(noCustomer.status).toBe(422);
    expect(noCustomer.body.errors).toHaveProperty('customer_id');
    expect((await api.post('/events', { events: [event('x')] })).body.errors).toHaveProperty('customer_id');
    expect((await api.get('/events/ok-1')).status).toBe(404);
    expect((await api.get('/events')).body.total_count).toBe(0);
    expect(await balance(api, id)).toBe(0);
  });

  it('lists events newest first, filtered by customer, paged', async () => {
    const { api } = await start();
    const a = await customer(api);
    const b = await customer(api);
    await api.post('/events', { customer_id: a, events: [event('image_generated', {}, 'a1'), event('image_generated', {}, 'a2')] });
    await api.post('/events', { customer_id: b, events: [event('image_generated', {}, 'b1')] });
    const listed = await api.get(`/events?customer_id=${a}`);
    expect(listed.body).toMatchObject({ total_count: 2, limit: 20, offset: 0 });
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual(['a2', 'a1']);
    expect((await api.get('/events?limit=1')).body.items.map((item: { id: string }) => item.id)).toEqual(['b1']);
  });
});
