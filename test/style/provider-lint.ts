// The other providers' modules, and the call sites that hand the credits service the request, held to the same
// lint setups as Credyt's (lint-setups.test.ts). One provider per test file (see lint-apps.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyAreas, expectLintClean, lintApp, planIn, SETUPS } from './lint-apps.js';

// PaymentKit's webhooks and cost-tracking, the credits service's customers: nothing to write there.
const AREAS = ['client-setup', 'customers', 'usage-events', 'balance-gates'];

export function providerLintSuite(provider: 'paymentkit' | 'credits-service', extra: Record<string, unknown>, marker: string): void {
  describe.each(SETUPS)(`lint setup $app with ${provider}`, (setup) => {
    it('writes a lint-clean billing module and adds no lint problem to edited files', async () => {
      const dir = await lintApp(setup, provider);
      const configFile = join(dir, 'billing.config.json');
      writeFileSync(configFile, `${JSON.stringify({ ...JSON.parse(readFileSync(configFile, 'utf8')), provider, ...extra }, null, 2)}\n`);

      const before = setup.lint(dir, setup.edited);
      const { created, notes } = await applyAreas(dir, AREAS);
      const app = readFileSync(join(dir, setup.edited[0]), 'utf8');
      const gate = app.slice(app.indexOf('checkBalance('), app.indexOf('.allowed', app.indexOf('checkBalance(')));
      expect(gate, 'the gate was added').toContain('estimate');
      if (provider === 'credits-service') expect(gate, 'the gate hands over the request').toMatch(/session: req\b/);
      const billingModules = created.filter((f) => /lib\/billing\.[jt]s$/.test(f));
      expect(billingModules, 'the billing module was created').toHaveLength(1);
      expect(readFileSync(join(dir, billingModules[0]!), 'utf8')).toContain(marker);
      expectLintClean(setup, dir, before, created, notes);
      for (const area of AREAS) expect((await planIn(dir, area)).changes.map((c) => c.path), `${area} again`).toEqual([]);
    }, 900_000);
  });
}
