// A fake AI provider on a real local port: OpenAI- and Anthropic-compatible endpoints, deterministic
// replies and usage (see text.ts), and a log of every request so a test can assert what reached it.
//   OpenAI SDK:    new OpenAI({ baseURL: `${url}/v1` })        -> /v1/chat/completions, /v1/responses, ...
//   AI SDK:        createOpenAI({ baseURL: `${url}/v1` })      -> /v1/responses (openai(model)) or /v1/chat/completions (openai.chat(model))
//   Anthropic SDK: new Anthropic({ baseURL: url })             -> /v1/messages
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { messages } from './anthropic.js';
import { anthropicError, openAiError, type Pacing } from './http.js';
import { chatCompletions, embeddings, imagesGenerations, responses } from './openai.js';

export interface FakeAiRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/chat/completions`. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body (undefined when there was none or it did not parse). */
  body: any;
  /** Which kind of call this was, e.g. `openai:chat.completions`, `anthropic:messages`; `unknown` for a 404. */
  kind: string;
  /** Whether the caller asked for a stream. */
  stream: boolean;
  /** HTTP status the fake answered with. */
  status?: number;
}

export interface FakeAi {
  /** `http://127.0.0.1:<port>`, without `/v1`. */
  url: string;
  /** Every request received, oldest first. */
  requests: FakeAiRequest[];
  /** Forgets recorded requests and any queued failure. */
  reset(): void;
  /** The next `count` AI calls answer `status` with a provider-shaped error instead of a reply. */
  failNext(status: number, count?: number): void;
  /**
   * Streams hold their last text event until `until` settles (at most `timeoutMs`). A test that releases it when its
   * client sees the first body chunk proves the app streams, whatever the machine's load: an app that buffers
   * its answer delivers nothing before the AI's stream ends.
   */
  holdStreamEnd(until: Promise<unknown>, timeoutMs: number): void;
  close(): Promise<void>;
}

export interface FakeAiOptions {
  /** Pause between stream events, so a client really receives several chunks. Default 5 ms. */
  streamDelayMs?: number;
}

const ROUTES: Record<string, string> = {
  '/v1/chat/completions': 'openai:chat.completions',
  '/v1/responses': 'openai:responses',
  '/v1/images/generations': 'openai:images.generate',
  '/v1/embeddings': 'openai:embeddings',
  '/v1/messages': 'anthropic:messages',
};

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeAi(options: FakeAiOptions = {}): Promise<FakeAi> {
  let hold: Promise<unknown> | null = null;
  const pacing: Pacing = { delayMs: options.streamDelayMs ?? 5, beforeLast: async () => void (await hold) };
  const requests: FakeAiRequest[] = [];
  let failures: { status: number; remaining: number } | null = null;
  let url = '';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!.replace(/\/+$/, '');
    const kind = (req.method === 'POST' && ROUTES[path]) || 'unknown';
    const text = await readBody(req);
    let body: any;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    const record: FakeAiRequest = { method: req.method ?? 'GET', path, headers: req.headers, body, kind, stream: body?.stream === true };
    requests.push(record);
    res.on('finish', () => (record.status = res.statusCode));
    const error = kind.startsWith('anthropic') ? anthropicError : openAiError;

    if (kind === 'unknown') return error(res, 404, `Unknown endpoint ${req.method} ${path}`);
    if (text && body === undefined) return error(res, 400, 'Request body is not valid JSON');
    if (failures && failures.remaining > 0) {
      failures.remaining -= 1;
      return error(res, failures.status, `Fake failure (${failures.status})`, failures.status === 429 ? 'rate_limit_error' : 'api_error');
    }
    body ??= {};
    switch (kind) {
      case 'openai:chat.completions':
        return chatCompletions(res, body, pacing);
      case 'openai:responses':
        return responses(res, body, pacing);
      case 'openai:images.generate':
        return imagesGenerations(res, body, url);
      case 'openai:embeddings':
        return embeddings(res, body);
      case 'anthropic:messages':
        return messages(res, body, pacing);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
      if (!res.headersSent) openAiError(res, 500, `Fake AI crashed: ${err.message}`, 'server_error');
      else res.destroy(err);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    requests,
    reset() {
      requests.length = 0;
      failures = null;
      hold = null;
    },
    failNext(status, count = 1) {
      failures = { status, remaining: count };
    },
    holdStreamEnd(until, timeoutMs) {
      const timeout = new Promise((resolve) => setTimeout(resolve, timeoutMs).unref());
      hold = Promise.race([until, timeout]);
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
