// Small response helpers for the fake: JSON bodies, SSE streams with a pause between events.
import type { ServerResponse } from 'node:http';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export interface SseEvent {
  /** `event:` line (Anthropic and the Responses API name their events; Chat Completions does not). */
  event?: string;
  /** Serialised as JSON unless it is already a string (`[DONE]`). */
  data: unknown;
  /** The event carries reply text (a delta): what an app streams on to its client. */
  text?: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How a stream is paced: a pause between events, and a wait before the last text (see FakeAi.holdStreamEnd). */
export interface Pacing {
  delayMs: number;
  beforeLast(): Promise<void>;
}

/** Writes the events as an SSE stream, pausing between them so clients see real chunks. */
export async function sendSse(res: ServerResponse, events: SseEvent[], pacing: Pacing, headers: Record<string, string> = {}): Promise<void> {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    ...headers,
  });
  // The hold comes before the last event with reply text: an app relays that one on to its client, so the
  // client's first chunk (which releases the hold) can never already hold the whole answer.
  const lastText = events.map((e) => e.text === true).lastIndexOf(true);
  const holdAt = lastText > 0 ? lastText : events.length - 1;
  for (const [i, e] of events.entries()) {
    if (res.destroyed) return;
    if (i > 0 && i === holdAt) await pacing.beforeLast();
    const data = typeof e.data === 'string' ? e.data : JSON.stringify(e.data);
    res.write(`${e.event ? `event: ${e.event}\n` : ''}data: ${data}\n\n`);
    if (pacing.delayMs > 0 && i < events.length - 1) await sleep(pacing.delayMs);
  }
  res.end();
}

export function openAiError(res: ServerResponse, status: number, message: string, type = 'invalid_request_error'): void {
  sendJson(res, status, { error: { message, type, param: null, code: null } });
}

export function anthropicError(res: ServerResponse, status: number, message: string, type = 'invalid_request_error'): void {
  sendJson(res, status, { type: 'error', error: { type, message } });
}
