import { describe, expect, it } from 'vitest';
import { balance, client, customer, fund, start } from './helpers.js';

async function session(api: Awaited<ReturnType<typeof start>>['api'], customerId: string, failure = true) {
  const answer = await api.post('/billing-portal/sessions', {
    customer_id: customerId,
    return_url: 'https://app.example/account',
    ...(failure ? { failure_url: 'https://app.example/billing-error' } : {}),
  });
  return answer;
}

describe('sandbox billing portal', () => {
  it('creates a session whose link is valid for 10 minutes', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const { sandbox, api } = await start({ now: () => now });
    const id = await customer(api);
    const answer = await session(api, id);
    expect(answer.status).toBe(201);
    expect(answer.body.redirect_url).toMatch(new RegExp(`^${sandbox.url}/portal/`));
    expect(answer.body.expires_at).toBe('2026-01-01T00:10:00.000Z');
    now += 9 * 60 * 1000;
    expect((await client(sandbox.url).get(new URL(answer.body.redirect_url).pathname)).status).toBe(200);
  });

  it('shows the balances and tops up through the form, then 303s to return_url', async () => {
    const { sandbox, api } = await start();
    const id = await customer(api);
    await fund(api, id, 12.5);
    const link = new URL((await session(api, id)).body.redirect_url).pathname;
    const browser = client(sandbox.url);
    const page = await browser.get(link);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('Ada');
    expect(page.text).toMatch(/data-account="default:USD">12.5</);
    expect(page.text).toContain(`action="${link}/top-up"`);

    const posted = await browser.request('POST', `${link}/top-up`, {
      body: new URLSearchParams({ amount: '20', asset: 'USD' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe('https://app.example/account');
    expect(await balance(api, id)).toBe(32.5);
    const state = (await client(sandbox.url).get('/_sandbox/state')).body;
    expect(state.adjustments.at(-1)).toMatchObject({ customer_id: id, amount: 20, reason: 'external_topup' });
    expect((await browser.get(link)).text).toMatch(/data-account="default:USD">32.5</);
  });

  it('refuses a top-up that is not a positive amount', async () => {
    const { sandbox, api } = await start();
    const id = await customer(api);
    const link = new URL((await session(api, id)).body.redirect_url).pathname;
    const posted = await client(sandbox.url).request('POST', `${link}/top-up`, {
      body: new URLSearchParams({ amount: '-4' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(posted.status).toBe(400);
    expect(await balance(api, id)).toBe(0);
  });

  it('redirects an expired link to failure_url, or shows a 410 page without one; an unknown token is a 410', async () => {
    const { sandbox, api, admin } = await start();
    const id = await customer(api);
    const withFailure = new URL((await session(api, id)).body.redirect_url).pathname;
    const withoutFailure = new URL((await session(api, id, false)).body.redirect_url).pathname;
    expect((await admin.post('/_sandbox/clock', { advanceSeconds: 601 })).status).toBe(200);
    const browser = client(sandbox.url);
    const expired = await browser.get(withFailure);
    expect(expired.status).toBe(302);
    expect(expired.headers.get('location')).toBe('https://app.example/billing-error');
    const topUp = await browser.request('POST', `${withFailure}/top-up`, {
      body: new URLSearchParams({ amount: '5' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(topUp.status).toBe(302);
    expect(await balance(api, id)).toBe(0);
    expect((await browser.get(withoutFailure)).status).toBe(410);
    expect((await browser.get('/portal/forged.token')).status).toBe(410);
  });

  it('validates the session request', async () => {
    const { api } = await start();
    const unknown = await api.post('/billing-portal/sessions', { customer_id: 'cust_nobody', return_url: 'https://app.example/' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toHaveProperty('customer_id');
    const badUrl = await api.post('/billing-portal/sessions', { customer_id: 'x', return_url: 'not a url' });
    expect(badUrl.body.errors).toHaveProperty('return_url');
  });
});
