import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CommanderError } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { type SandboxCommandHooks, sandboxCommand } from '../../src/commands/sandbox.js';
import type { Sandbox } from '../../src/sandbox/server.js';
import { KEY, client, start, testConfig } from './helpers.js';

const repo = resolve(import.meta.dirname, '../..');
const opened: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((sandbox) => sandbox.close()));
});

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'sandbox-cmd-')), name);
  writeFileSync(path, text);
  return path;
}

/** Runs the command in-process with captured output; resolves once it listens or fails. */
async function run(args: string[], hooks: SandboxCommandHooks = {}) {
  const out: string[] = [];
  const err: string[] = [];
  let sandbox: Sandbox | undefined;
  const command = sandboxCommand({ ...hooks, onListening: (started) => opened.push((sandbox = started)) })
    .exitOverride()
    .configureOutput({ writeOut: (text) => out.push(text), writeErr: (text) => err.push(text) });
  let error: unknown;
  await command.parseAsync(args, { from: 'user' }).catch((caught: unknown) => (error = caught));
  return { out: out.join(''), err: err.join(''), sandbox, error };
}

describe('sandbox command', () => {
  it('prints "listening on http://HOST:PORT" and serves the seeded config', async () => {
    const config = tempFile('billing.config.json', JSON.stringify(testConfig()));
    const result = await run(['--port', '0', '--config', config, '--key', KEY]);
    expect(result.error).toBeUndefined();
    const url = result.sandbox!.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(result.out.split('\n')[0]).toBe(`listening on ${url}`);
    const products = await client(url, KEY).get('/products');
    expect(products.body.items.map((product: { code: string }) => product.code)).toEqual(['chat', 'pro', 'bare']);
    expect((await client(url, 'key_wrong').get('/products')).status).toBe(401);
  });

  it('starts empty when the default billing.config.json is absent', async () => {
    const cwd = process.cwd();
    process.chdir(mkdtempSync(join(tmpdir(), 'sandbox-cmd-')));
    try {
      const result = await run(['--port', '0']);
      expect(result.error).toBeUndefined();
      expect((await client(result.sandbox!.url, KEY).get('/products')).body.total_count).toBe(0);
    } finally {
      process.chdir(cwd);
    }
  });

  it('exits 1 naming the file when the config is not valid JSON or does not exist', async () => {
    const broken = tempFile('billing.config.json', '{ "provider": ');
    const result = await run(['--port', '0', '--config', broken]);
    expect(result.error).toBeInstanceOf(CommanderError);
    expect((result.error as CommanderError).exitCode).toBe(1);
    expect(result.err).toContain(`${broken}: not valid JSON`);
    expect(result.sandbox).toBeUndefined();

    const missing = await run(['--config', '/nonexistent/billing.config.json']);
    expect((missing.error as CommanderError).exitCode).toBe(1);
    expect(missing.err).toContain('/nonexistent/billing.config.json does not exist');
  });

  it('exits 1 naming the file and field when a product cannot be seeded', async () => {
    const config = testConfig();
    config.assets = [];
    const file = tempFile('billing.config.json', JSON.stringify(config));
    const result = await run(['--port', '0', '--config', file]);
    expect((result.error as CommanderError).exitCode).toBe(1);
    expect(result.err).toContain(`config file ${file}`);
    expect(result.err).toContain('products[1].prices[1].pricing[0].asset');
  });

  it('exits 1 with a clear message when the port is in use', async () => {
    const { sandbox } = await start();
    const result = await run(['--port', String(sandbox.port)]);
    expect((result.error as CommanderError).exitCode).toBe(1);
    expect(result.err).toContain(`port ${sandbox.port} on 127.0.0.1 is already in use`);
  });

  it('rejects a port that is not a number', async () => {
    const result = await run(['--port', 'http']);
    expect((result.error as CommanderError).exitCode).toBe(1);
    expect(result.err).toContain('--port');
  });
});

describe('sandbox command as a child process', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('stops cleanly on SIGINT, with its state flushed to --state', { timeout: 120_000 }, async () => {
    // The real CLI as users run it (npm test builds dist/ first).
    const cli = join(repo, 'dist', 'src', 'cli.js');
    const config = tempFile('billing.config.json', JSON.stringify(testConfig()));
    const statePath = join(mkdtempSync(join(tmpdir(), 'sandbox-cmd-')), 'state.json');
    child = spawn(process.execPath, [cli, 'sandbox', '--port', '0', '--config', config, '--state', statePath], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
    const url = await new Promise<string>((resolveUrl, reject) => {
      child!.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk;
        const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout);
        if (match) resolveUrl(match[1]);
      });
      child!.once('exit', (code) => reject(new Error(`exited early with ${code}: ${stderr}`)));
    });
    const created = await client(url, KEY).post('/customers', { name: 'Persisted', external_id: 'user_sigint' });
    expect(created.status).toBe(201);

    const exited = new Promise<number | null>((resolveExit) => child!.once('exit', (code) => resolveExit(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
    const state = JSON.parse(readFileSync(statePath, 'utf8'));
    expect(state.customers.map((entry: { external_id: string }) => entry.external_id)).toEqual(['user_sigint']);
    await expect(fetch(`${url}/_sandbox/quirks`)).rejects.toThrow();
  });
});
