import { describe, expect, it } from 'vitest';
import { KEY, client, start } from './helpers.js';

describe('sandbox auth', () => {
  it('answers 401 with no body when X-CREDYT-API-KEY is missing or empty', async () => {
    const { sandbox } = await start();
    const anonymous = client(sandbox.url);
    const missing = await anonymous.get('/customers');
    expect(missing.status).toBe(401);
    expect(missing.text).toBe('');
    const empty = await anonymous.request('GET', '/customers', { headers: { 'x-credyt-api-key': '' } });
    expect(empty.status).toBe(401);
  });

  it('accepts any non-empty key when no key is configured, and the header name in any case', async () => {
    const { sandbox } = await start();
    const answer = await client(sandbox.url).request('GET', '/customers', { headers: { 'X-Credyt-Api-Key': 'key_anything' } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ items: [], total_count: 0 });
  });

  it('with a key configured, accepts only that value', async () => {
    const { sandbox, api } = await start({ key: KEY });
    expect((await api.get('/customers')).status).toBe(200);
    const wrong = await client(sandbox.url, 'key_other').get('/customers');
    expect(wrong.status).toBe(401);
    expect(wrong.text).toBe('');
  });

  it('checks the key before routing, and answers unknown routes with a 404 problem', async () => {
    const { sandbox, api } = await start();
    expect((await client(sandbox.url).get('/nowhere')).status).toBe(401);
    const unknown = await api.get('/nowhere');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
    expect(unknown.body).toMatchObject({ status: 404, title: 'Not Found' });
    const wrongMethod = await api.delete('/customers');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toContain('GET');
  });

  it('needs no key for the admin endpoints', async () => {
    const { admin } = await start({ key: KEY });
    expect((await admin.get('/_sandbox/quirks')).status).toBe(200);
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const { api } = await start();
    const answer = await api.request('POST', '/customers', { body: '{"name": ', headers: { 'content-type': 'application/json' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toHaveProperty('body');
  });
});
