// Boots an app copy on a free port and waits until it is ready; its logs travel with every failure.
import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import type { AppCopy } from './app-copy.js';
import { expand } from './e2e-config.js';
import { childEnv, killTree, run, spawnGroup } from './process.js';

export interface RunningApp {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Process id of the start command, which leads the app's process group. */
  pid: number;
  /** Everything the app printed so far (stdout and stderr interleaved, build output first). */
  logs(): string;
  /** Kills the app's whole process tree; safe to call twice. */
  stop(): Promise<void>;
}

export interface BootOptions {
  /** Default 120 s, or e2e.json's readyTimeoutMs. */
  readyTimeoutMs?: number;
  /** Default 300 s: the app's `build` step, when it has one. */
  buildTimeoutMs?: number;
}

/** A port that was free a moment ago (most apps cannot listen on port 0 and report it back). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const MAX_LOG = 256 * 1024;

/**
 * Starts the app with e2e.json's `start` command. `env` is passed to the app and also fills e2e.json's
 * ${placeholders} (FAKE_AI_URL, CREDYT_API_URL, ...), as do PORT and APP_URL; `build` and `start` may use them too.
 */
export async function bootApp(app: AppCopy, env: Record<string, string> = {}, options: BootOptions = {}): Promise<RunningApp> {
  const { config } = app;
  // A caller that must know the URL before the app starts (to register a webhook) passes PORT.
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const url = `http://127.0.0.1:${port}`;
  const vars = { ...env, PORT: String(port), APP_URL: url };
  const appEnv = childEnv({ ...expand(config.env ?? {}, vars), ...env, PORT: String(port) });
  let logs = '';
  const append = (text: string) => {
    logs += text;
    if (logs.length > MAX_LOG) logs = logs.slice(-MAX_LOG);
  };

  const build = config.build && expand(config.build, vars);
  const start = expand(config.start, vars);
  if (build) {
    const built = await run(build, { cwd: app.dir, env: appEnv, timeoutMs: options.buildTimeoutMs ?? 300_000 });
    append(`$ ${build.join(' ')}\n${built.stdout}${built.stderr}`);
    if (built.code !== 0) throw new Error(`${app.name}: build failed (exit ${built.code})\n${logs}`);
  }

  append(`$ ${start.join(' ')}\n`);
  const child = spawnGroup(start, { cwd: app.dir, env: appEnv });
  child.stdout?.setEncoding('utf8').on('data', append);
  child.stderr?.setEncoding('utf8').on('data', append);

  const running: RunningApp = { url, port, pid: child.pid ?? -1, logs: () => logs, stop: () => killTree(child) };
  const timeoutMs = options.readyTimeoutMs ?? config.readyTimeoutMs ?? 120_000;
  try {
    await waitReady(child, config.ready, url, () => logs, timeoutMs);
  } catch (err) {
    await running.stop();
    throw new Error(`${app.name} did not boot: ${(err as Error).message}\n--- logs (${app.dir})\n${logs}`);
  }
  return running;
}

async function waitReady(
  child: ChildProcess,
  ready: string | { path: string },
  url: string,
  logs: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | null = null;
  child.once('exit', (code, signal) => (exited = `exited early (code ${code}, signal ${signal})`));
  child.once('error', (err) => (exited = `could not start: ${err.message}`));
  // A log line alone can come before the socket accepts (next dev): confirm with a connection.
  while (Date.now() < deadline) {
    if (exited) throw new Error(exited);
    if (typeof ready === 'string' ? logs().includes(ready) && (await accepts(url)) : await answers(`${url}${ready.path}`)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not ready after ${timeoutMs} ms (waiting for ${JSON.stringify(ready)})`);
}

async function accepts(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await res.arrayBuffer();
    return res.status < 500;
  } catch {
    return false;
  }
}
