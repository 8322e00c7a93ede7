// The local credits service (`sandbox --provider credits-service`): the Billing API's user routes, answered
// as the signed-in user whose session the request carries. The service shares the app's sessions; here a test
// (or a person) registers which session is which user with POST /_sandbox/sessions. Admin routes take no
// session (a sandbox). State is in memory.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BillingConfig } from '../config/types.js';
import { readBody, send, type Reply } from './http.js';

export interface CreditsSandboxOptions {
  port?: number;
  host?: string;
  /** Prefix, session kind and deduction endpoint as the app's config says (defaults: cookie, no prefix, /credits/deduct). */
  config?: BillingConfig;
  /** Answer bare JSON instead of `{ success, data }` (the service may do either). */
  bare?: boolean;
  /** Credits a daily check-in awards. */
  checkinCredits?: number;
  log?: (line: string) => void;
}

export interface CreditsSandbox {
  url: string;
  port: number;
  /** Every request, for tests: method, path, the credential it carried and its body. */
  requests: Array<{ method: string; path: string; credential: string | null; body: Record<string, unknown>; status: number }>;
  close(): Promise<void>;
}

interface Transaction { id: string; type: string; amount: number; description: string; created_at: string }
interface Account { balance: number; transactions: Transaction[]; checkedIn: string | null }

class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startCreditsSandbox(options: CreditsSandboxOptions = {}): Promise<CreditsSandbox> {
  const service = options.config?.creditsService;
  const auth = service?.auth ?? 'cookie';
  const prefix = service?.prefix ?? '';
  const deduct = service?.deduct ?? { path: '/credits/deduct', method: 'POST' as const, body: { amount: '{amount}', description: '{description}', idempotency_key: '{id}' } };
  const amountKey = Object.entries(deduct.body).find(([, v]) => v === '{amount}')?.[0] ?? 'amount';
  const sessions = new Map<string, string>();
  const accounts = new Map<string, Account>();
  const deductions = new Map<string, Transaction>();
  const plans = plansFrom(options.config);
  const requests: CreditsSandbox['requests'] = [];
  const log = options.log ?? (() => {});
  let base = '';

  const account = (user: string): Account => {
    let found = accounts.get(user);
    if (!found) accounts.set(user, (found = { balance: 0, transactions: [], checkedIn: null }));
    return found;
  };
  const move = (user: string, type: string, amount: number, description: string): Transaction => {
    const row = { id: randomUUID(), type, amount, description, created_at: new Date().toISOString() };
    const a = account(user);
    a.balance = round(a.balance + amount);
    a.transactions.unshift(row);
    return row;
  };
  const credentialOf = (req: IncomingMessage): string | null => {
    if (auth === 'bearer') return /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim() ?? null;
    return req.headers.cookie ?? null;
  };
  // A cookie header signs in when any of its name=value pairs is a registered session.
  const userOf = (credential: string | null): string => {
    const candidates = credential === null ? [] : auth === 'cookie' ? credential.split(';').map((c) => c.trim()) : [credential];
    const user = candidates.map((c) => sessions.get(c)).find((u) => u !== undefined);
    if (!user) throw new Refusal(401, credential ? 'session not recognised' : `not signed in (no ${auth === 'cookie' ? 'session cookie' : 'bearer token'})`);
    return user;
  };

  const route = (method: string, path: string, req: IncomingMessage, body: Record<string, unknown>, query: URLSearchParams): unknown => {
    if (path === '/_sandbox/sessions' && method === 'POST') {
      const session = String(body.session ?? '');
      const user = String(body.userId ?? '');
      if (!session || !user) throw new Refusal(400, 'session and userId are required');
      sessions.set(session, user);
      return { session, userId: user };
    }
    if (path === '/_sandbox/state' && method === 'GET') return Object.fromEntries(accounts);
    if (path === `${prefix}/admin/credits/manual` && method === 'POST') {
      const amount = Number(body.amount);
      if (!body.user_id || !Number.isFinite(amount)) throw new Refusal(400, 'user_id and a numeric amount are required');
      return move(String(body.user_id), 'manual', amount, String(body.description ?? 'Manual adjustment'));
    }
    if (path === `${prefix}/subscription/plans` && method === 'GET') return plans;
    if (path.startsWith(`${prefix}/payment/webhook/`) && method === 'POST') throw new Refusal(400, 'webhook signature verification failed');
    const user = userOf(credentialOf(req));
    const rest = path.slice(prefix.length);
    if (!path.startsWith(prefix)) throw new Refusal(404, `no route ${method} ${path}`);
    if (rest === '/credits/balance' && method === 'GET') return { balance: account(user).balance };
    if (rest === '/credits/transactions' && method === 'GET') {
      const limit = Number(query.get('limit') ?? 20);
      const offset = Number(query.get('offset') ?? 0);
      return account(user).transactions.slice(offset, offset + limit);
    }
    if (rest === '/orders' && method === 'GET') return [];
    if (rest === '/checkin' && method === 'POST') {
      const today = new Date().toISOString().slice(0, 10);
      if (account(user).checkedIn === today) throw new Refusal(400, 'already checked in today');
      account(user).checkedIn = today;
      const reward = options.checkinCredits ?? 10;
      move(user, 'checkin', reward, 'Daily check-in');
      return { reward, balance: account(user).balance };
    }
    if (rest === '/payment/create-session' && method === 'POST') {
      if (body.channel !== 'stripe' && body.channel !== 'creem') throw new Refusal(400, 'channel must be stripe or creem');
      if (!plans.some((p) => p.id === body.plan_id)) throw new Refusal(400, `unknown plan_id ${JSON.stringify(body.plan_id)}`);
      const id = randomUUID();
      return { url: `${base}/_sandbox/checkout/${id}?channel=${body.channel}`, session_id: id };
    }
    if (rest === '/subscription/portal' && method === 'POST') {
      return { url: `${base}/_sandbox/portal?user=${encodeURIComponent(user)}&return=${encodeURIComponent(String(body.return_url ?? ''))}` };
    }
    if (rest === deduct.path && method === (deduct.method ?? 'POST')) {
      const key = String(req.headers['idempotency-key'] ?? body.idempotency_key ?? '');
      const seen = key ? deductions.get(key) : undefined;
      if (seen) return { transaction: seen, balance: account(user).balance };
      const amount = Number(body[amountKey]);
      if (!Number.isFinite(amount) || amount < 0) throw new Refusal(400, `${amountKey} must be a number of credits, not ${JSON.stringify(body[amountKey])}`);
      if (account(user).balance < amount) throw new Refusal(402, 'insufficient credits');
      const description = Object.entries(body).filter(([k]) => k !== amountKey && k !== 'idempotency_key').map(([, v]) => String(v)).join(' ') || 'usage';
      const row = move(user, 'usage', -amount, description);
      if (key) deductions.set(key, row);
      return { transaction: row, balance: account(user).balance };
    }
    throw new Refusal(404, `no route ${method} ${path}`);
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://sandbox');
      const method = req.method ?? 'GET';
      const credential = credentialOf(req);
      let body: Record<string, unknown> = {};
      let reply: Reply;
      try {
        const raw = await readBody(req);
        body = raw.trim() ? (JSON.parse(raw) as Record<string, unknown>) : {};
        const data = route(method, url.pathname, req, body, url.searchParams);
        reply = { status: 200, json: options.bare ? data : { success: true, data } };
      } catch (error) {
        const status = error instanceof Refusal ? error.status : error instanceof SyntaxError ? 400 : 500;
        reply = { status, json: options.bare ? { error: (error as Error).message } : { success: false, error: (error as Error).message } };
      }
      requests.push({ method, path: url.pathname, credential, body, status: reply.status });
      log(`${method} ${url.pathname}${url.search} ${reply.status}`);
      send(res, reply);
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  base = `http://${options.host ?? '127.0.0.1'}:${port}`;
  return {
    url: base,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The config's products as the service's plans: a monthly fee (in cents) and the credits its entitlement grants. */
function plansFrom(config: BillingConfig | undefined): Array<Record<string, unknown>> {
  return (config?.products ?? []).map((product) => {
    const fee = product.prices?.find((p) => p.type === 'fixed')?.pricing[0]?.values[0] as { unit_price?: number } | undefined;
    return {
      id: product.code,
      name: product.name ?? product.code,
      description: product.description ?? '',
      price_monthly: Math.round((fee?.unit_price ?? 0) * 100),
      credits_included: product.entitlements?.[0]?.amount ?? 0,
      features: [],
    };
  });
}

function round(n: number): number {
  return Number(n.toFixed(9));
}
