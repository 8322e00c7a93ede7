// Choosing a provider through the built CLI: init --provider writes it (and the credits service's section),
// says when PaymentKit cannot run in this app, refuses an unknown one; an area the provider cannot do changes
// nothing and says why; sandbox --provider refuses PaymentKit with the reason.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

const APP = join(REPO_ROOT, 'examples', 'express-js-cjs');
let dir: string;
const cli = (...args: string[]) => runCli(args, { cwd: dir });
const config = () => JSON.parse(readFileSync(join(dir, 'billing.config.json'), 'utf8')) as Record<string, unknown>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-providers-'));
  cpSync(APP, dir, { recursive: true, filter: (src) => !src.includes('node_modules') });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('providers through the CLI', () => {
  it('init --provider paymentkit writes it and says the app is not a Blocklet; a blocklet hears nothing of it', async () => {
    const plain = await cli('init', '.', '--yes', '--allow-dirty', '--provider', 'paymentkit');
    expect(plain.code, plain.stderr).toBe(0);
    expect(config().provider).toBe('paymentkit');
    expect(plain.stdout).toContain('this app is not a Blocklet');
    expect(plain.stdout).toContain('with PaymentKit, these areas change nothing (each says why): webhooks, cost-tracking');

    writeFileSync(join(dir, 'blocklet.yml'), 'name: demo\n');
    const blocklet = await cli('init', '.', '--yes', '--allow-dirty', '--force', '--provider', 'paymentkit');
    expect(blocklet.code, blocklet.stderr).toBe(0);
    expect(blocklet.stdout).not.toContain('not a Blocklet');
    const detected = await cli('detect', '.', '--json');
    expect(JSON.parse(detected.stdout).packages[0].blocklet).toBe(true);
  });

  it('init --provider credits-service adds its section; areas it cannot do change nothing and say why', async () => {
    const init = await cli('init', '.', '--yes', '--allow-dirty', '--provider', 'credits-service');
    expect(init.code, init.stderr).toBe(0);
    expect(config()).toMatchObject({ provider: 'credits-service', creditsService: { auth: 'cookie' } });
    const customers = await cli('apply', 'customers', '.', '--dry-run', '--json');
    const plan = JSON.parse(customers.stdout) as { changes: unknown[]; notes: string[] };
    expect(plan.changes).toEqual([]);
    expect(plan.notes.join('\n')).toContain("customers with the credits service: the credits service opens each user's credit account itself");
    const usage = JSON.parse((await cli('apply', 'usage-events', '.', '--dry-run', '--json')).stdout) as { notes: string[] };
    expect(usage.notes.join('\n')).toContain('names no deduction endpoint (creditsService.deduct');
    // verify skips what the provider cannot do, naming why; products push and verify --live say what to do instead.
    const verify = JSON.parse((await cli('verify', '.', '--json')).stdout) as { checks: Array<{ name: string; status: string; detail: string }> };
    expect(verify.checks.find((c) => c.name === 'customers created at signup')).toMatchObject({ status: 'skip', detail: expect.stringContaining('has no customer endpoint') });
    expect(verify.checks.find((c) => c.name === 'billable calls metered')).toMatchObject({ status: 'skip' });
    expect(verify.checks.find((c) => c.name === 'billable calls gated')?.status).toBe('fail');
    const push = await cli('products', 'push', '.', '--yes');
    expect(push.code).toBe(2);
    expect(push.stderr).toContain('the credits service keeps its own plans');
    const live = await cli('verify', '.', '--live');
    expect(live.code).toBe(2);
    expect(live.stderr).toContain('verify --live runs a test customer through Credyt');
  });

  it('refuses an unknown provider, and a sandbox for PaymentKit', async () => {
    const bad = await cli('init', '.', '--yes', '--provider', 'stripe');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--provider must be credyt, paymentkit, credits-service');
    const sandbox = await cli('sandbox', '--provider', 'paymentkit', '--port', '0');
    expect(sandbox.code).toBe(2);
    expect(sandbox.stderr).toContain('PaymentKit runs only inside Blocklet Server');
  });
});
