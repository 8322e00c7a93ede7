import { describe, expect, it } from 'vitest';
import { balance, customer, event, start } from './helpers.js';

describe('sandbox fault injection', () => {
  it('fails the next `count` matching requests with a status, before any state change, then recovers', async () => {
    const { api, admin } = await start();
    const id = await customer(api);
    const added = await admin.post('/_sandbox/faults', { method: 'POST', path: '/events', status: 503, count: 2 });
    expect(added.status).toBe(201);
    const batch = { customer_id: id, events: [event('image_generated', {}, 'retry-me')] };
    expect((await api.post('/events', batch)).status).toBe(503);
    expect((await api.get('/events')).status).toBe(200); // other method: not faulted
    const second = await api.post('/events', batch);
    expect(second.status).toBe(503);
    expect(second.headers.get('content-type')).toBe('application/problem+json');
    expect(await balance(api, id)).toBe(0);
    const third = await api.post('/events', batch);
    expect(third.status).toBe(201);
    expect(third.body.events).toEqual([{ id: 'retry-me', duplicate: false }]);
    expect(await balance(api, id)).toBe(-0.1);

    const log = (await admin.get('/_sandbox/requests')).body.filter((entry: { method: string; path: string }) => entry.method === 'POST' && entry.path === '/events');
    expect(log.map((entry: { status: number; fault?: string }) => [entry.status, entry.fault])).toEqual([
      [503, 'status'],
      [503, 'status'],
      [201, undefined],
    ]);
    expect(new Set(log.map((entry: { body: { events: Array<{ id: string }> } }) => entry.body.events[0].id))).toEqual(new Set(['retry-me']));
    expect(log[0]).toMatchObject({ method: 'POST', path: '/events', query: {}, at: expect.any(String) });
  });

  it('matches by path prefix and any method when none is given; 429 works too', async () => {
    const { api, admin } = await start();
    const id = await customer(api);
    await admin.post('/_sandbox/faults', { path: '/customers', status: 429, retryAfter: 1, count: 1 });
    const limited = await api.get(`/customers/${id}/wallet`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect((await api.get(`/customers/${id}/wallet`)).status).toBe(200);
  });

  it('destroys the socket for a network fault, and the request is not applied', async () => {
    const { api, admin } = await start();
    const id = await customer(api);
    await admin.post('/_sandbox/faults', { method: 'POST', path: '/events', network: true, count: 1 });
    await expect(api.post('/events', { customer_id: id, events: [event('image_generated', {}, 'lost')] })).rejects.toThrow();
    expect((await api.get('/events/lost')).status).toBe(404);
    const log = (await admin.get('/_sandbox/requests')).body.filter((entry: { path: string }) => entry.path === '/events');
    expect(log[0]).toMatchObject({ status: 0, fault: 'network' });
    expect((await api.post('/events', { customer_id: id, events: [event('image_generated', {}, 'lost')] })).status).toBe(201);
  });

  it('clears faults with DELETE and validates new ones', async () => {
    const { api, admin } = await start();
    await admin.post('/_sandbox/faults', { path: '/customers', status: 500, count: 5 });
    expect((await admin.get('/_sandbox/faults')).body.faults).toEqual([{ method: null, path: '/customers', status: 500, network: false, hang: false, body: null, retryAfter: null, count: 5 }]);
    expect((await admin.delete('/_sandbox/faults')).status).toBe(200);
    expect((await api.get('/customers')).status).toBe(200);
    expect((await admin.post('/_sandbox/faults', { status: 500 })).status).toBe(422);
    expect((await admin.post('/_sandbox/faults', { path: '/x', status: 200 })).status).toBe(422);
  });

  it("answers a body fault with that text and status (200 by default), like a proxy's page", async () => {
    const { api, admin } = await start();
    await admin.post('/_sandbox/faults', { path: '/customers', body: '<html>sign in to the Wi-Fi</html>', count: 1 });
    const page = await api.get('/customers');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect((await api.get('/customers')).status).toBe(200);
    const log = (await admin.get('/_sandbox/requests')).body as Array<{ fault?: string; status: number }>;
    expect(log[0]).toMatchObject({ fault: 'body', status: 200 });
  });

  it('holds a hang fault open without answering, until the client gives up', async () => {
    const { sandbox, admin } = await start();
    await admin.post('/_sandbox/faults', { path: '/customers', hang: true, count: 1 });
    const started = performance.now();
    const outcome = await fetch(`${sandbox.url}/customers`, { signal: AbortSignal.timeout(300) }).then(
      () => 'answered',
      (error: Error) => error.name,
    );
    expect(outcome).toBe('TimeoutError');
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    expect((await admin.get('/_sandbox/requests')).body[0]).toMatchObject({ fault: 'hang' });
  });
});
