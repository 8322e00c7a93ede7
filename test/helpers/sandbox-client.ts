// A small fetch client for the local sandbox (src/sandbox/server.ts), shared by the sandbox's own tests and the
// billing-module tests: the API key on every call when one is given, JSON bodies out, JSON answers parsed, and
// redirects handed back to the test rather than followed.

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export interface Client {
  get(path: string): Promise<Answer>;
  post(path: string, body?: unknown): Promise<Answer>;
  patch(path: string, body?: unknown): Promise<Answer>;
  delete(path: string): Promise<Answer>;
  request(method: string, path: string, init?: RequestInit): Promise<Answer>;
}

export function client(base: string, key?: string): Client {
  const request = async (method: string, path: string, init: RequestInit = {}): Promise<Answer> => {
    const headers = new Headers(init.headers);
    if (key !== undefined && !headers.has('x-credyt-api-key')) headers.set('x-credyt-api-key', key);
    const response = await fetch(`${base}${path}`, { ...init, method, headers, redirect: 'manual' });
    const text = await response.text();
    let body: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text !== '') body = JSON.parse(text);
    return { status: response.status, headers: response.headers, body, text };
  };
  const withJson = (method: string) => (path: string, body?: unknown) =>
    request(method, path, body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return {
    get: (path) => request('GET', path),
    post: withJson('POST'),
    patch: withJson('PATCH'),
    delete: (path) => request('DELETE', path),
    request,
  };
}

/** Credits `amount` of `asset` to the customer's wallet as an external top-up; throws unless it is accepted. */
export async function fund(api: Client, customerId: string, amount: number, asset = 'USD'): Promise<void> {
  const answer = await api.post(`/customers/${customerId}/wallet/adjustments`, {
    transaction_id: crypto.randomUUID(),
    asset,
    amount,
    reason: 'external_topup',
  });
  if (answer.status !== 201) throw new Error(`funding failed: ${answer.status} ${answer.text}`);
}
