// The billing API as `products push` and `verify --live` call it: Credyt's base URL and key from the env
// (CREDYT_API_URL for the sandbox or a proxy), JSON in and out, a bounded wait, no retries (a person is watching).
const DEFAULT_API_URL = 'https://api.credyt.ai';
const TIMEOUT_MS = 15_000;

export interface ApiAnswer {
  status: number;
  body: unknown;
}

export interface CatalogApi {
  /** The base URL requests go to, for the report. */
  url: string;
  get(path: string): Promise<ApiAnswer>;
  send(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<ApiAnswer>;
}

export class ApiUnavailable extends Error {}

export function catalogApi(env: NodeJS.ProcessEnv = process.env): CatalogApi {
  const key = env.CREDYT_API_KEY;
  if (!key) throw new ApiUnavailable('CREDYT_API_KEY is not set: use a test-mode key (or run `billing-codemod sandbox` and set CREDYT_API_URL=http://127.0.0.1:4010 with any key)');
  const url = (env.CREDYT_API_URL || DEFAULT_API_URL).replace(/\/+$/, '');
  const call = async (method: string, path: string, body?: unknown): Promise<ApiAnswer> => {
    let res: Response;
    try {
      res = await fetch(url + path, {
        method,
        headers: { 'X-CREDYT-API-KEY': key, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new ApiUnavailable(`${method} ${url}${path}: the billing API did not answer (${(error as Error).message})`);
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (a proxy's page): kept as text for the message.
    }
    if (res.status === 401 || res.status === 403) throw new ApiUnavailable(`${method} ${url}${path} answered ${res.status}: the API key was refused`);
    return { status: res.status, body: parsed };
  };
  return { url, get: (path) => call('GET', path), send: (method, path, body) => call(method, path, body) };
}
