// What every handler works with: the store, the clock, the quirks and faults set by tests, the request
// log, signed links and webhook delivery. Runtime settings (quirks, faults, clock offset, logs) live here
// in memory; only the domain state goes to the state file.
import type { Store } from './store.js';
import { readToken, signToken, type LinkToken } from './tokens.js';
import type { Customer, State, Subscription } from './types.js';
import { WebhookDispatcher } from './webhooks.js';

/** The other plausible reading of each unconfirmed detail; the defaults are the documented readings. */
export interface Quirks {
  duplicateCustomerStatus: 409 | 422;
  customerLookup: 'object' | 'list';
  pendingStatus: 'pending' | 'action_required';
}

export const DEFAULT_QUIRKS: Quirks = { duplicateCustomerStatus: 422, customerLookup: 'object', pendingStatus: 'pending' };

export interface Fault {
  method: string | null;
  path: string;
  status: number;
  network: boolean;
  /** Accept the request and never answer (until the client gives up), like an API that hangs. */
  hang: boolean;
  /** Answer `status` with this body (`text/html`), like a proxy's error page, instead of a problem. */
  body: string | null;
  /** Seconds for a Retry-After header on the faulted answer. */
  retryAfter: number | null;
  remaining: number;
}

export interface RequestRecord {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
  at: string;
  /** Set when an injected fault answered instead of the API (`network`: the socket was destroyed, status 0). */
  fault?: 'status' | 'network' | 'hang' | 'body';
}

const PAY_LINK_SECONDS = 24 * 60 * 60;
export const PORTAL_LINK_SECONDS = 10 * 60;
const KEEP_REQUESTS = 2_000;

export class Core {
  url = '';
  quirks: Quirks = { ...DEFAULT_QUIRKS };
  faults: Fault[] = [];
  readonly requests: RequestRecord[] = [];
  clockOffsetMs = 0;
  readonly webhooks: WebhookDispatcher;

  constructor(
    readonly store: Store,
    private readonly clock: () => number,
    retryDelaysMs: readonly number[],
    readonly log: (line: string) => void,
    /** The config's asset: what the portal tops up when a customer has no account yet. */
    readonly defaultAsset: string,
  ) {
    this.webhooks = new WebhookDispatcher(() => this.now(), retryDelaysMs, log);
  }

  get state(): State {
    return this.store.state;
  }

  now(): number {
    return this.clock() + this.clockOffsetMs;
  }

  iso(): string {
    return new Date(this.now()).toISOString();
  }

  /** Persist after a mutation (atomic; a no-op without a state file). */
  commit(): void {
    this.store.save();
  }

  emit(type: string, data: Record<string, unknown>): void {
    this.webhooks.emit(this.state.webhooks, type, data);
  }

  /** A fresh payment link on every read, as Credyt's `required_actions` link is re-issued by GET /customers/:id. */
  payLink(customer: Customer, subscription: Subscription): string {
    const iat = Math.floor(this.now() / 1000);
    const token = signToken(this.state.secret, {
      kind: 'pay',
      customer_id: customer.id,
      subscription_id: subscription.id,
      iat,
      exp: iat + PAY_LINK_SECONDS,
    });
    return `${this.url}/pay/${token}`;
  }

  portalLink(customerId: string, returnUrl: string, failureUrl: string | null): { url: string; expiresAt: string } {
    const iat = Math.floor(this.now() / 1000);
    const exp = iat + PORTAL_LINK_SECONDS;
    const token = signToken(this.state.secret, { kind: 'portal', customer_id: customerId, return_url: returnUrl, failure_url: failureUrl, iat, exp });
    return { url: `${this.url}/portal/${token}`, expiresAt: new Date(exp * 1000).toISOString() };
  }

  readLink(token: string): { payload: LinkToken; expired: boolean } | undefined {
    const payload = readToken(this.state.secret, token);
    if (!payload) return undefined;
    return { payload, expired: payload.exp * 1000 <= this.now() };
  }

  /** Consumes one use of the first fault matching this request. */
  takeFault(method: string, path: string): Fault | undefined {
    const fault = this.faults.find((entry) => (entry.method === null || entry.method === method) && path.startsWith(entry.path));
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
    return fault;
  }

  record(request: RequestRecord): void {
    this.requests.push(request);
    if (this.requests.length > KEEP_REQUESTS) this.requests.splice(0, this.requests.length - KEEP_REQUESTS);
  }

  /** Back to the seeded state with default quirks, no faults, empty logs and the real clock. */
  reset(): void {
    this.store.reset();
    this.quirks = { ...DEFAULT_QUIRKS };
    this.faults = [];
    this.requests.length = 0;
    this.clockOffsetMs = 0;
    this.webhooks.reset();
  }
}
