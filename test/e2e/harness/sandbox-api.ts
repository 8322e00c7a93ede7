// Reading (and funding) the sandbox the way a test checks billing: the customer of an app user and its
// subscriptions, their usage events as they arrive, the fees an event cost, the wallet balance, and a wallet
// adjustment. Calls go through Credyt's own API paths with the sandbox key, so they read exactly what the app's
// module wrote.
import { randomUUID } from 'node:crypto';
import { HttpClient, type HttpResponse } from './http-client.js';
import { SANDBOX_API_KEY, type BillingSandbox } from './sandbox.js';

export interface SandboxEvent {
  id: string;
  customer_id: string;
  event_type: string;
  subject: string | null;
  data: Record<string, unknown> | null;
  fees?: Array<{ amount: number; asset: string }>;
  costs?: Array<{ vendor_external_id?: string; amount: number; currency: string; metadata?: { model?: string } }>;
  margin?: { currency: string; revenue: number; costs: number; net: number } | null;
}

export interface SandboxCustomer {
  id: string;
  external_id: string;
  email: string | null;
  name: string;
  subscriptions: Array<{ status: string; products: Array<{ code: string }>; required_actions?: Array<{ type: string; redirect_url: string }> }>;
}

export interface SandboxApi {
  get(path: string): Promise<HttpResponse>;
  post(path: string, json: unknown): Promise<HttpResponse>;
  /** The Credyt id of the customer whose external id is the app's user id; waits until the module has made it. */
  customerOf(userId: string, timeoutMs?: number): Promise<string>;
  /** The customer's full record, subscriptions included. */
  customer(id: string): Promise<SandboxCustomer>;
  /** The customer's events, newest first. */
  events(customerId: string): Promise<SandboxEvent[]>;
  /**
   * The customer's events (newest first) once there are at least `count` (the app sends them in the background).
   * With `settleMs`, waits that much longer and reads again, so that an extra (duplicate) event shows up too.
   */
  eventsAtLeast(customerId: string, count: number, options?: { timeoutMs?: number; settleMs?: number }): Promise<SandboxEvent[]>;
  /** One event with its fees. */
  event(id: string): Promise<SandboxEvent>;
  /** The available balance of the customer's default account in `asset` (0 when there is none). */
  balance(customerId: string, asset?: string): Promise<number>;
  /** Credits (or with a negative amount, debits) the customer's wallet. */
  adjust(customerId: string, amount: number, asset?: string): Promise<void>;
}

const POLL_MS = 100;

export function sandboxApi(sandbox: Pick<BillingSandbox, 'url'>): SandboxApi {
  const client = new HttpClient(sandbox.url);
  const headers = { 'X-CREDYT-API-KEY': SANDBOX_API_KEY };
  const api: SandboxApi = {
    get: (path) => client.request('GET', path, { headers }),
    post: (path, json) => client.request('POST', path, { json, headers }),
    async customerOf(userId, timeoutMs = 10_000) {
      for (const deadline = Date.now() + timeoutMs; ; await sleep(POLL_MS)) {
        const res = await api.get(`/customers?external_id=${encodeURIComponent(userId)}`);
        if (res.status === 200) return res.json().id as string;
        if (Date.now() > deadline) throw new Error(`no customer with external id ${userId} in the sandbox (last answer ${res.status})`);
      }
    },
    async customer(id) {
      return (await api.get(`/customers/${encodeURIComponent(id)}`)).json() as SandboxCustomer;
    },
    async events(customerId) {
      return ((await api.get(`/events?customer_id=${encodeURIComponent(customerId)}&limit=100`)).json() as { items: SandboxEvent[] }).items;
    },
    async eventsAtLeast(customerId, count, { timeoutMs = 10_000, settleMs = 0 } = {}) {
      for (const deadline = Date.now() + timeoutMs; ; await sleep(POLL_MS)) {
        const events = await api.events(customerId);
        if (events.length < count && Date.now() <= deadline) continue;
        if (!settleMs) return events;
        await sleep(settleMs);
        return api.events(customerId);
      }
    },
    async event(id) {
      return (await api.get(`/events/${encodeURIComponent(id)}`)).json() as SandboxEvent;
    },
    async balance(customerId, asset = 'USD') {
      const wallet = (await api.get(`/customers/${encodeURIComponent(customerId)}/wallet`)).json() as { accounts?: Array<{ asset: string; name?: string; available: number }> };
      return wallet.accounts?.find((a) => a.asset === asset && (a.name ?? 'default') === 'default')?.available ?? 0;
    },
    async adjust(customerId, amount, asset = 'USD') {
      const body = { transaction_id: randomUUID(), asset, amount, reason: amount >= 0 ? 'gift' : 'external_refund', description: 'e2e adjustment' };
      const res = await api.post(`/customers/${encodeURIComponent(customerId)}/wallet/adjustments`, body);
      if (res.status !== 201) throw new Error(`wallet adjustment answered ${res.status}: ${res.text}`);
    },
  };
  return api;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
