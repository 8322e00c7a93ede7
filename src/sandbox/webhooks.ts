// Webhook signing and delivery. Credyt signs with `Credyt-Signature: t=<unix seconds>,v0=<hex>` where
// v0 = HMAC-SHA256(secret, "<t>.<raw body>"); the key is the secret string exactly as returned at
// registration (`whsec_` prefix included). Each attempt is re-signed with a fresh timestamp.
import { createHmac } from 'node:crypto';
import { newId } from './ids.js';
import type { Webhook } from './types.js';

export interface Envelope {
  id: string;
  type: string;
  created: string;
  live_mode: false;
  data: Record<string, unknown>;
}

export interface DeliveryAttempt {
  id: string;
  webhook_id: string;
  event_id: string;
  type: string;
  url: string;
  attempt: number;
  /** HTTP status of the receiver's answer; null when the request itself failed. */
  status: number | null;
  ok: boolean;
  error?: string;
  at: string;
}

export function signature(secret: string, timestamp: number, rawBody: string): string {
  const digest = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
  return `t=${timestamp},v0=${digest}`;
}

const ATTEMPT_TIMEOUT_MS = 5_000;
const KEEP_ATTEMPTS = 1_000;

export class WebhookDispatcher {
  readonly attempts: DeliveryAttempt[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  private closed = false;
  /** Bumped by reset, so retries of events sent before a reset stop. */
  private generation = 0;

  /**
   * @param retryDelaysMs waits before each retry; its length is the number of retries after the first attempt
   */
  constructor(
    private readonly now: () => number,
    private readonly retryDelaysMs: readonly number[],
    private readonly log: (line: string) => void,
  ) {}

  /** Sends one event to every destination subscribed to its type (or `*`); never waits for delivery. */
  emit(webhooks: readonly Webhook[], type: string, data: Record<string, unknown>): Envelope {
    const envelope: Envelope = { id: newId('evt'), type, created: new Date(this.now()).toISOString(), live_mode: false, data };
    const body = JSON.stringify(envelope);
    for (const hook of webhooks) {
      if (hook.topics.includes('*') || hook.topics.includes(type)) void this.attempt(hook, envelope, body, 1, this.generation);
    }
    return envelope;
  }

  private async attempt(hook: Webhook, envelope: Envelope, body: string, attempt: number, generation: number): Promise<void> {
    if (this.closed || generation !== this.generation) return;
    const record: DeliveryAttempt = {
      id: newId('dlv'),
      webhook_id: hook.id,
      event_id: envelope.id,
      type: envelope.type,
      url: hook.url,
      attempt,
      status: null,
      ok: false,
      at: new Date(this.now()).toISOString(),
    };
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(new Error(`timed out after ${ATTEMPT_TIMEOUT_MS} ms`)), ATTEMPT_TIMEOUT_MS);
    this.inFlight.add(controller);
    try {
      const response = await fetch(hook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          // The real clock, not the sandbox's: receivers check `t` against their own clock.
          'credyt-signature': signature(hook.secret, Math.floor(Date.now() / 1000), body),
          'user-agent': 'credyt-sandbox-webhooks',
        },
        body,
        signal: controller.signal,
      });
      await response.arrayBuffer().catch(() => undefined);
      record.status = response.status;
      record.ok = response.ok;
    } catch (error) {
      record.error = describe(error);
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(controller);
    }
    if (generation !== this.generation) return;
    this.record(record);
    this.log(`webhook ${envelope.type} -> ${hook.url} attempt ${attempt}: ${record.ok ? record.status : (record.error ?? record.status)}`);
    const delay = this.retryDelaysMs[attempt - 1];
    if (record.ok || delay === undefined || this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(hook, envelope, body, attempt + 1, generation);
    }, delay);
    this.timers.add(timer);
  }

  private record(attempt: DeliveryAttempt): void {
    this.attempts.push(attempt);
    if (this.attempts.length > KEEP_ATTEMPTS) this.attempts.splice(0, this.attempts.length - KEEP_ATTEMPTS);
  }

  /** Drops pending retries and the delivery log (admin reset). */
  reset(): void {
    this.generation++;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.attempts.length = 0;
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.inFlight) controller.abort(new Error('sandbox closed'));
  }
}

function describe(error: unknown): string {
  const err = error as { message?: string; cause?: { code?: string; message?: string } };
  const cause = err?.cause?.code ?? err?.cause?.message;
  return cause ? `${err.message ?? 'error'} (${cause})` : (err?.message ?? String(error));
}
