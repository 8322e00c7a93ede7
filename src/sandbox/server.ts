// The local Credyt-compatible API: an HTTP server, API-key check, injected faults, the request log, and
// routing to one module per resource. `startSandbox` is what tests, the e2e harness and `sandbox` use.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BillingConfig } from '../config/types.js';
import { Core, type Fault, type RequestRecord } from './context.js';
import { bodyForLog, parseBody, problemReply, readBody, send, type Reply } from './http.js';
import { Problem, notFound } from './problems.js';
import { Router } from './router.js';
import { adminRouter } from './routes/admin.js';
import { assetRoutes } from './routes/assets.js';
import { customerRoutes } from './routes/customers.js';
import { eventRoutes } from './routes/events.js';
import { vendorRoutes } from './routes/vendors.js';
import { isPagePath, pageRoutes } from './routes/pages.js';
import { productRoutes } from './routes/products.js';
import { walletRoutes } from './routes/wallet.js';
import { webhookRoutes } from './routes/webhooks.js';
import { addSeed, seededState } from './seed.js';
import { Store } from './store.js';

export interface SandboxOptions {
  /** 0 or omitted = any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** If set, only this X-CREDYT-API-KEY value is accepted; otherwise any non-empty key is. */
  key?: string;
  /** Seeds assets and products (and the portal's default asset). */
  config?: BillingConfig;
  /** Persist state here, atomically after each change; loaded at start when the file exists. */
  statePath?: string;
  log?: (line: string) => void;
  /** The clock, in epoch milliseconds (default Date.now); `POST /_sandbox/clock` moves it further. */
  now?: () => number;
  /** Waits before each webhook retry (default 500, 2000, 8000 ms: three retries). */
  webhookRetryDelaysMs?: number[];
}

export interface Sandbox {
  /** http://127.0.0.1:PORT, no trailing slash. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const DEFAULT_RETRY_DELAYS_MS = [500, 2_000, 8_000];

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const clock = options.now ?? Date.now;
  const stamp = () => new Date(clock()).toISOString();
  const store = new Store(() => seededState(options.config, stamp()), options.statePath, (loaded) => addSeed(loaded, options.config, stamp()));
  const log = options.log ?? (() => {});
  const core = new Core(store, clock, options.webhookRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS, log, options.config?.asset ?? 'USD');
  const api = apiRouter();
  const admin = adminRouter();

  const server = createServer((req, res) => {
    handle(core, options.key, api, admin, req, res).catch((error: unknown) => {
      log(`request failed: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) send(res, problemReply(new Problem(500, 'internal sandbox error')));
      else res.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await listen(server, options.port ?? 0, host);
  const port = (server.address() as AddressInfo).port;
  core.url = `http://${urlHost(host)}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url: core.url,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        core.webhooks.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => store.save());
      return closing;
    },
  };
}

function apiRouter(): Router {
  const router = new Router();
  for (const register of [customerRoutes, walletRoutes, eventRoutes, pageRoutes, assetRoutes, productRoutes, webhookRoutes, vendorRoutes]) register(router);
  return router;
}

async function handle(core: Core, key: string | undefined, api: Router, admin: Router, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  const path = url.pathname;

  if (path === '/_sandbox' || path.startsWith('/_sandbox/')) {
    send(res, await answer(core, () => readBody(req).then((raw) => dispatch(core, admin, method, url, req, raw))));
    return;
  }

  let raw = '';
  try {
    raw = await readBody(req);
  } catch (error) {
    send(res, toReply(core, error));
    return;
  }
  const record: RequestRecord = { method, path, query: Object.fromEntries(url.searchParams), body: bodyForLog(raw, req.headers) ?? null, status: 0, at: core.iso() };
  core.record(record);

  // Injected faults answer before auth and before any state is touched.
  const fault = core.takeFault(method, path);
  if (fault?.network) {
    record.fault = 'network';
    core.log(`${method} ${path} -> injected network failure`);
    req.socket.destroy();
    return;
  }
  if (fault?.hang) {
    // Never answered: the socket stays open until the client gives up or the sandbox closes.
    record.fault = 'hang';
    core.log(`${method} ${path} -> injected hang`);
    return;
  }
  if (fault?.body !== null && fault?.body !== undefined) {
    record.fault = 'body';
    record.status = fault.status;
    core.log(`${method} ${path} -> injected ${fault.status} with a non-JSON body`);
    res.writeHead(fault.status, { 'content-type': 'text/html; charset=utf-8' });
    res.end(fault.body);
    return;
  }
  let reply: Reply;
  if (fault) {
    record.fault = 'status';
    reply = problemReply(faultProblem(fault));
  } else {
    reply = await answer(core, async () => {
      if (!isPagePath(path)) checkKey(req, key);
      return dispatch(core, api, method, url, req, raw);
    });
  }
  record.status = reply.status;
  core.log(`${method} ${path}${url.search} ${reply.status}`);
  send(res, reply);
}

function faultProblem(fault: Fault): Problem {
  const headers: Record<string, string> = fault.retryAfter === null ? {} : { 'retry-after': String(fault.retryAfter) };
  return new Problem(fault.status, `injected fault (${fault.status}) from POST /_sandbox/faults`, undefined, undefined, headers);
}

async function answer(core: Core, run: () => Promise<Reply>): Promise<Reply> {
  try {
    return await run();
  } catch (error) {
    return toReply(core, error);
  }
}

/** Missing key: 401 with no body (Credyt's spec). With `key` set, any other value is a 401 too. */
function checkKey(req: IncomingMessage, key: string | undefined): void {
  const given = req.headers['x-credyt-api-key'];
  const value = Array.isArray(given) ? given[0] : given;
  if (!value || value.trim() === '' || (key !== undefined && value !== key)) throw new Problem(401);
}

function dispatch(core: Core, router: Router, method: string, url: URL, req: IncomingMessage, raw: string): Reply {
  const match = router.match(method, url.pathname);
  if (!match) throw notFound(`no route for ${method} ${url.pathname}`);
  if ('allowed' in match) {
    throw new Problem(405, `${method} is not allowed on ${url.pathname}`, undefined, undefined, { allow: match.allowed.join(', ') });
  }
  const body = parseBody(raw, req.headers);
  return match.handler(core, { method, path: url.pathname, params: match.params, query: url.searchParams, headers: req.headers, body });
}

function toReply(core: Core, error: unknown): Reply {
  if (error instanceof Problem) return problemReply(error);
  core.log(`internal error: ${(error as Error).stack ?? String(error)}`);
  return problemReply(new Problem(500, (error as Error).message ?? 'internal sandbox error'));
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') {
        reject(Object.assign(new Error(`port ${port} on ${host} is already in use`), { code: error.code }));
      } else reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** The host links are built with: wildcard binds are reached over loopback; IPv6 literals need brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
