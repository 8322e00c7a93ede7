// The README's quick start: `billing-codemod demo` copies an example app and shows each area's diff.
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('billing-codemod demo', () => {
  it('shows every area changing the bundled example, one commit each, and says where the copy is', async () => {
    const r = await runCli(['demo']);
    expect(r.code, r.stderr).toBe(0);
    for (const area of ['client-setup', 'customers', 'usage-events', 'balance-gates']) expect(r.stdout).toContain(`$ billing-codemod apply ${area}`);
    expect(r.stdout).toContain('+++ b/src/lib/billing.ts');
    expect(r.stdout).toContain('billing.ensureCustomer(');
    expect(r.stdout).toContain('billing.trackUsage(');
    expect(r.stdout).toContain('billing.checkBalance(');
    const copy = /The changed copy is in (\S+) /.exec(r.stdout)?.[1];
    expect(copy).toBeTruthy();
    rmSync(copy as string, { recursive: true, force: true });
  }, 120_000);

  it('names the examples when asked for one that does not exist', async () => {
    const r = await runCli(['demo', 'rails-app']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('express-ts-esm');
  });
});
