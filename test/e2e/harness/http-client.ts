// A small HTTP client for driving apps: a cookie jar, JSON and form bodies, manual redirects, and
// responses read chunk by chunk so a test can tell a streamed answer from a buffered one.

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Body chunks as they arrived off the socket (more than one for a streamed answer). */
  chunks: string[];
  /** Milliseconds from sending the request to the first and the last body chunk. */
  firstChunkMs: number;
  totalMs: number;
  json<T = any>(): T;
}

export interface RequestOptions {
  json?: unknown;
  /** A body sent exactly as given (a signed webhook delivery); set its content-type in `headers`. */
  body?: string;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Default 120 s (a Next.js dev server compiles a route on its first request, slowly on a busy machine). */
  timeoutMs?: number;
  /** Called once, when the first body chunk arrives (before the rest of the body is read). */
  onFirstChunk?: () => void;
}

export class HttpClient {
  /** Cookie name -> value; attributes are ignored (one host, tests never cross paths). */
  readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  get(path: string, options?: RequestOptions): Promise<HttpResponse> {
    return this.request('GET', path, options);
  }

  post(path: string, json?: unknown, options?: RequestOptions): Promise<HttpResponse> {
    return this.request('POST', path, { ...options, json });
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<HttpResponse> {
    const headers: Record<string, string> = { accept: 'application/json, text/plain, */*', ...options.headers };
    let body: string | undefined;
    if (options.body !== undefined) {
      body = options.body;
    } else if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    } else if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

    const started = Date.now();
    const res = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? 120_000),
    });
    this.store(res.headers.getSetCookie());

    const chunks: string[] = [];
    let firstChunkMs = -1;
    const decoder = new TextDecoder();
    if (res.body) {
      for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
        if (firstChunkMs < 0) {
          firstChunkMs = Date.now() - started;
          options.onFirstChunk?.();
        }
        chunks.push(decoder.decode(chunk, { stream: true }));
      }
    }
    const text = chunks.join('') + decoder.decode();
    return {
      status: res.status,
      headers: res.headers,
      text,
      chunks,
      firstChunkMs,
      totalMs: Date.now() - started,
      json() {
        try {
          return JSON.parse(text);
        } catch {
          throw new Error(`${method} ${path}: expected JSON, got ${res.status}: ${text.slice(0, 500)}`);
        }
      },
    };
  }

  private store(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair!.indexOf('=');
      if (eq < 0) continue;
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attributes.some((a) => {
        const [key, val = ''] = a.trim().split('=');
        if (key!.toLowerCase() === 'max-age') return Number(val) <= 0;
        if (key!.toLowerCase() === 'expires') return Date.parse(val) <= Date.now();
        return false;
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}
