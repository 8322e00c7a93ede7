// Real apps with real lint setups (test/style/lint-apps.ts), Credyt: every area runs in turn; then the app's own
// linter, run as its CLI, must find no problem in the files we created and no more problems than before in the
// files we edited. A second run changes nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyAreas, AREAS, expectLintClean, lintApp, planIn, SETUPS } from './lint-apps.js';

describe.each(SETUPS)('lint setup $app', (setup) => {
  it('creates lint-clean files, adds no lint problem to edited files, and a second run changes nothing', async () => {
    const dir = await lintApp(setup, 'credyt');
    const before = setup.lint(dir, setup.edited);
    const { created, notes } = await applyAreas(dir, AREAS);
    const app = readFileSync(join(dir, setup.edited[0]), 'utf8');
    for (const call of ['ensureCustomer', 'trackUsage', 'checkBalance']) expect(app, `the areas edited ${setup.edited[0]}`).toContain(call);
    const routeFiles = ['src/billing-portal.js', 'src/billing-balance.js', 'src/billing-webhooks.js', 'src/lib/billing-webhooks.js'];
    const billingModules = created.filter((f) => /lib\/billing\.[jt]s$/.test(f));
    expect(billingModules, 'the billing module was created').toHaveLength(1);
    expect(created.filter((f) => !billingModules.includes(f)).sort(), 'the route files and the costs module created').toEqual([...(setup.routes ? routeFiles : []), billingModules[0]!.replace('billing.', 'billing-costs.')].sort());
    expectLintClean(setup, dir, before, created, notes);

    for (const area of AREAS) expect((await planIn(dir, area)).changes.map((c) => c.path), `${area} again`).toEqual([]);
  }, 900_000);
});
