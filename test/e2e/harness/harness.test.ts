// The harness's own promises: clean git copies sharing cached deps, boot failures that carry the app's
// logs, stop() that leaves no process behind, and a cookie jar that forgets expired cookies.
import { existsSync, lstatSync, realpathSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  billingEnv,
  bootApp,
  commitAll,
  expand,
  gitStatus,
  groupAlive,
  HttpClient,
  prepareApp,
  run,
  SANDBOX_API_KEY,
  startBillingSandbox,
  type AppCopy,
} from './index.js';


describe('prepareApp', () => {
  let app: AppCopy;
  beforeAll(async () => {
    app = await prepareApp('express-js-cjs');
  }, 600_000);
  afterAll(() => app?.cleanup());

  it('is a clean git repo with one commit and the cached node_modules linked in, untracked', async () => {
    expect(await gitStatus(app.dir)).toBe('');
    const log = await run(['git', 'log', '--oneline'], { cwd: app.dir });
    expect(log.stdout.trim().split('\n')).toHaveLength(1);
    const tracked = (await run(['git', 'ls-files'], { cwd: app.dir })).stdout;
    expect(tracked).toContain('server.js');
    expect(tracked).not.toMatch(/node_modules|e2e\.json/);
    expect(lstatSync(path.join(app.dir, 'node_modules')).isSymbolicLink()).toBe(true);
    expect(realpathSync(path.join(app.dir, 'node_modules'))).toBe(realpathSync(path.join(app.depsDir, 'node_modules')));
  });

  it('commitAll() leaves the tree clean again after a change', async () => {
    writeFileSync(path.join(app.dir, 'NOTES.md'), 'changed\n');
    expect(await gitStatus(app.dir)).toContain('NOTES.md');
    await commitAll(app.dir, 'notes');
    expect(await gitStatus(app.dir)).toBe('');
  });

  it('gives each call its own folder and reuses the install', async () => {
    const other = await prepareApp('express-js-cjs');
    try {
      expect(other.dir).not.toBe(app.dir);
      expect(other.depsDir).toBe(app.depsDir);
    } finally {
      await other.cleanup();
    }
    expect(existsSync(other.dir)).toBe(false);
  });

  it('stop() kills the whole process tree (npm and the node server under it)', async () => {
    const server = await bootApp(app, { FAKE_AI_URL: 'http://127.0.0.1:9' });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(groupAlive(server.pid)).toBe(true);
    await server.stop();
    expect(groupAlive(server.pid)).toBe(false);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    await server.stop();
  }, 60_000);

  it('a failed boot reports the app output', async () => {
    const broken = { ...app, config: { ...app.config, start: ['node', '-e', 'console.error("cannot find the thing"); process.exit(3)'] } };
    await expect(bootApp(broken, { FAKE_AI_URL: 'http://127.0.0.1:9' }, { readyTimeoutMs: 10_000 })).rejects.toThrow(/exited early \(code 3[\s\S]*cannot find the thing/);
  });

  it('a boot that never gets ready times out with the logs', async () => {
    const stuck = { ...app, config: { ...app.config, start: ['node', '-e', 'console.log("warming up"); setInterval(() => {}, 1000)'] } };
    await expect(bootApp(stuck, { FAKE_AI_URL: 'http://127.0.0.1:9' }, { readyTimeoutMs: 1_000 })).rejects.toThrow(/not ready after 1000 ms[\s\S]*warming up/);
  });
});

describe('expand', () => {
  it('fills placeholders in nested values and refuses unknown ones', () => {
    expect(expand({ a: ['${X}/v1', 1], b: { c: 'x${X}' } }, { X: 'u' })).toEqual({ a: ['u/v1', 1], b: { c: 'xu' } });
    expect(() => expand('${NOPE}', {})).toThrow(/NOPE/);
  });
});

describe('HttpClient', () => {
  it('keeps cookies, sends them back, and drops expired ones', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/set') res.setHeader('set-cookie', ['sid=abc; Path=/; HttpOnly', 'theme=dark']);
      if (req.url === '/clear') res.setHeader('set-cookie', 'sid=; Max-Age=0');
      res.end(req.headers.cookie ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const client = new HttpClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      await client.get('/set');
      expect((await client.get('/echo')).text).toBe('sid=abc; theme=dark');
      await client.get('/clear');
      expect((await client.get('/echo')).text).toBe('theme=dark');
    } finally {
      server.close();
    }
  });
});

describe('startBillingSandbox', () => {
  it('listens on a free port and accepts the key billingEnv hands to apps, and no other', async () => {
    const sandbox = await startBillingSandbox();
    try {
      const env = billingEnv(sandbox);
      expect(env).toEqual({ CREDYT_API_URL: sandbox.url, CREDYT_API_KEY: SANDBOX_API_KEY });
      const ok = await fetch(`${sandbox.url}/assets`, { headers: { 'X-CREDYT-API-KEY': env.CREDYT_API_KEY! } });
      expect(ok.status).toBe(200);
      const wrong = await fetch(`${sandbox.url}/assets`, { headers: { 'X-CREDYT-API-KEY': 'someone_else' } });
      expect(wrong.status).toBe(401);
    } finally {
      await sandbox.close();
    }
  });
});
