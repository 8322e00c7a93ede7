// A fake Payment Kit component, behind the fake @blocklet/sdk transport (test/fakes/blocklet-sdk): the real
// @blocklet/payment-js turns each SDK call into { method, path, params, data } exactly as it would for the real
// component, and this answers the credit-billing routes from memory, with the shapes of
// @blocklet/payment-types: meters (event_name unique), meter events (identifier unique; consumed from the
// customer's grants, at once or when settle() runs), credit grants and their summary, pending amounts,
// credit transactions, customers by DID (created with { create: true }), checkout sessions.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const sdk = require('@blocklet/sdk') as { setTransport(t: Transport | null): void; setPaymentKitRunning(running: boolean): void };

export interface SdkRequest { name: string; method: string; path: string; params: Record<string, unknown>; data?: unknown }
type Transport = (request: SdkRequest) => Promise<{ status: number; body: unknown }>;

interface Grant { id: string; customer_id: string; currency_id: string; amount: string; remaining_amount: string; category: string; name?: string; expires_at?: number; metadata: Record<string, unknown> }
interface MeterEvent { id: string; identifier: string; event_name: string; payload: { customer_id: string; value: string }; status: 'pending' | 'completed'; timestamp?: number; metadata?: unknown }

export const CREDIT_CURRENCY = 'pc_credits';

export class FakePaymentKit {
  requests: SdkRequest[] = [];
  customers = new Map<string, { id: string; did: string }>();
  meters: Array<{ id: string; name: string; event_name: string; unit: string; aggregation_method: string; currency_id: string; status: string }> = [];
  events: MeterEvent[] = [];
  grants: Grant[] = [];
  transactions: Array<Record<string, unknown>> = [];
  sessions: Array<Record<string, unknown>> = [];
  /** Meter events wait for settle() instead of being consumed at once (Payment Kit consumes asynchronously). */
  consumeLater = false;
  /** Every call fails as an unreachable component would (an error with no response). */
  down = false;
  /** Every call waits this long first. */
  delayMs = 0;
  private ids = 0;

  install(): void {
    sdk.setTransport((request) => this.handle(request));
    sdk.setPaymentKitRunning(true);
  }

  uninstall(): void {
    sdk.setTransport(null);
  }

  /** Serves the component over HTTP for an app in another process (FAKE_PAYMENT_KIT_URL=url); returns the url. */
  async serve(): Promise<{ url: string; close(): Promise<void> }> {
    const server: Server = createServer((req, res) => {
      let raw = '';
      req.setEncoding('utf8').on('data', (chunk: string) => (raw += chunk));
      req.on('end', () => {
        this.handle(JSON.parse(raw) as SdkRequest).then(
          (answer) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer)),
          (error: Error) => res.writeHead(502).end(error.message),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }

  /** Credits for a customer (by DID), as a paid grant. */
  fund(did: string, amount: number): void {
    const customer = this.customerFor(did);
    this.grants.push({ id: this.id('cg'), customer_id: customer.id, currency_id: CREDIT_CURRENCY, amount: String(amount), remaining_amount: String(amount), category: 'paid', metadata: {} });
  }

  remaining(did: string): number {
    const customer = this.customers.get(did);
    return this.grants.filter((g) => g.customer_id === customer?.id).reduce((sum, g) => sum + Number(g.remaining_amount), 0);
  }

  /** Consumes every pending meter event. */
  settle(): void {
    for (const event of this.events.filter((e) => e.status === 'pending')) this.consume(event);
  }

  private async handle(request: SdkRequest): Promise<{ status: number; body: unknown }> {
    this.requests.push(request);
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8090'), { code: 'ECONNREFUSED' });
    if (typeof request.params.livemode !== 'boolean') return { status: 400, body: { error: 'livemode is required' } };
    try {
      return { status: 200, body: this.route(request) };
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500;
      return { status, body: { error: (error as Error).message } };
    }
  }

  private route({ method, path, params, data }: SdkRequest): unknown {
    const body = (data ?? {}) as Record<string, unknown>;
    const segments = path.split('/').filter(Boolean); // ['api', resource, id?]
    const [, resource, id] = segments;
    const key = `${method} ${resource}${id ? '/:id' : ''}`;
    switch (key) {
      case 'GET customers/:id': {
        const found = this.customers.get(id!);
        if (found) return found;
        if (body.create === true || params.create === true) return this.customerFor(id!);
        throw fail(404, `customer ${id} not found`);
      }
      case 'GET meters/:id': {
        const meter = this.meters.find((m) => m.id === id || m.event_name === id);
        if (!meter) throw fail(404, `meter ${id} not found`);
        return meter;
      }
      case 'GET meters':
        return paged(this.meters.filter((m) => !params.event_name || m.event_name === params.event_name));
      case 'POST meters': {
        for (const field of ['name', 'event_name', 'unit']) if (typeof body[field] !== 'string' || !body[field]) throw fail(400, `${field} is required`);
        if (this.meters.some((m) => m.event_name === body.event_name)) throw fail(400, `event_name ${String(body.event_name)} is taken`);
        const meter = { id: this.id('mtr'), name: String(body.name), event_name: String(body.event_name), unit: String(body.unit), aggregation_method: String(body.aggregation_method ?? 'sum'), currency_id: String(body.currency_id ?? CREDIT_CURRENCY), status: 'active' };
        this.meters.push(meter);
        return meter;
      }
      case 'POST meter-events': {
        const payload = body.payload as MeterEvent['payload'] | undefined;
        if (!this.meters.some((m) => m.event_name === body.event_name)) throw fail(400, `no meter for event_name ${String(body.event_name)}`);
        if (!payload?.customer_id || typeof payload.value !== 'string' || !Number.isFinite(Number(payload.value))) throw fail(400, 'payload.customer_id and a decimal string payload.value are required');
        if (![...this.customers.values()].some((c) => c.id === payload.customer_id || c.did === payload.customer_id)) throw fail(400, `unknown customer ${payload.customer_id}`);
        if (typeof body.identifier !== 'string' || !body.identifier) throw fail(400, 'identifier is required');
        if (this.events.some((e) => e.identifier === body.identifier)) throw fail(400, `identifier ${body.identifier} already exists`);
        const event: MeterEvent = { id: this.id('mevt'), identifier: body.identifier, event_name: String(body.event_name), payload, status: 'pending', timestamp: body.timestamp as number, metadata: body.metadata };
        this.events.push(event);
        if (!this.consumeLater) this.consume(event);
        return event;
      }
      case 'GET meter-events/:id':
        if (id === 'pending-amount') return this.pending(String(params.customer_id ?? ''));
        throw fail(404, 'not found');
      case 'GET credit-grants/:id':
        if (id === 'summary') return this.summary(String(params.customer_id ?? ''));
        throw fail(404, 'not found');
      case 'GET credit-grants':
        return paged(this.grants.filter((g) => g.customer_id === params.customer_id && (!params.currency_id || g.currency_id === params.currency_id)));
      case 'POST credit-grants': {
        if (typeof body.amount !== 'string' || !(Number(body.amount) > 0)) throw fail(400, 'amount must be a positive decimal string');
        if (body.category !== 'paid' && body.category !== 'promotional') throw fail(400, 'category must be paid or promotional');
        if (!body.currency_id || !body.customer_id) throw fail(400, 'currency_id and customer_id are required');
        const grant: Grant = { id: this.id('cg'), customer_id: String(body.customer_id), currency_id: String(body.currency_id), amount: body.amount, remaining_amount: body.amount, category: body.category, name: body.name as string, expires_at: body.expires_at as number, metadata: (body.metadata ?? {}) as Record<string, unknown> };
        this.grants.push(grant);
        return grant;
      }
      case 'GET credit-transactions':
        return paged(this.transactions.filter((t) => t.customer_id === params.customer_id));
      case 'POST checkout-sessions': {
        const items = body.line_items as Array<{ price_id?: string; quantity?: number }> | undefined;
        if (!items?.length || !items.every((i) => typeof i.price_id === 'string' && i.price_id.startsWith('price_') && Number(i.quantity) > 0)) throw fail(400, 'line_items need a price_id and a quantity');
        const session = { id: this.id('cs'), ...body, url: `https://payment-kit.test/checkout/pay/${this.ids}`, status: 'open', expires_at: Math.floor(Date.now() / 1000) + 1800 };
        this.sessions.push(session);
        return session;
      }
      default:
        throw fail(404, `no route ${method} ${path}`);
    }
  }

  private customerFor(did: string): { id: string; did: string } {
    let customer = this.customers.get(did);
    if (!customer) this.customers.set(did, (customer = { id: this.id('cus'), did }));
    return customer;
  }

  private consume(event: MeterEvent): void {
    const customer = [...this.customers.values()].find((c) => c.id === event.payload.customer_id || c.did === event.payload.customer_id)!;
    let left = Number(event.payload.value);
    for (const grant of this.grants.filter((g) => g.customer_id === customer.id && Number(g.remaining_amount) > 0)) {
      const take = Math.min(left, Number(grant.remaining_amount));
      grant.remaining_amount = String(Number(grant.remaining_amount) - take);
      left -= take;
      if (left <= 0) break;
    }
    event.status = 'completed';
    const balance = this.grants.filter((g) => g.customer_id === customer.id).reduce((sum, g) => sum + Number(g.remaining_amount), 0);
    this.transactions.push({ id: this.id('ctx'), customer_id: customer.id, quantity: Number(event.payload.value), credit_amount: event.payload.value, remaining_balance: String(balance), meter_event_name: event.event_name, created_at: new Date().toISOString() });
  }

  private pending(customerId: string): Record<string, string> {
    const sum = this.events.filter((e) => e.status === 'pending' && e.payload.customer_id === customerId).reduce((total, e) => total + Number(e.payload.value), 0);
    return sum ? { [CREDIT_CURRENCY]: String(sum) } : {};
  }

  private summary(customerId: string): Record<string, unknown> {
    const out: Record<string, { paymentCurrency: unknown; totalAmount: string; remainingAmount: string; grantCount: number }> = {};
    for (const grant of this.grants.filter((g) => g.customer_id === customerId)) {
      const entry = (out[grant.currency_id] ??= { paymentCurrency: { id: grant.currency_id, symbol: 'CR', decimal: 2 }, totalAmount: '0', remainingAmount: '0', grantCount: 0 });
      entry.totalAmount = String(Number(entry.totalAmount) + Number(grant.amount));
      entry.remainingAmount = String(Number(entry.remainingAmount) + Number(grant.remaining_amount));
      entry.grantCount++;
    }
    return out;
  }

  private id(prefix: string): string {
    return `${prefix}_${++this.ids}`;
  }
}

function fail(status: number, message: string): Error {
  return Object.assign(new Error(message), { status });
}

function paged<T>(list: T[]): { count: number; list: T[] } {
  return { count: list.length, list };
}
