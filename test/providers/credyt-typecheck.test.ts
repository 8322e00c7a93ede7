// The TypeScript form type-checks with the real compiler, strict and then some, the way apps configure it:
// NodeNext in an ESM package and in a CommonJS one, and `moduleResolution: bundler` as Next.js sets it up.
// A caller file uses the contract the codemod's call sites rely on, so a drift in names or shapes fails here.
// The template itself is type-checked with the project, and left out of the build (it is read as text).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, expect, test } from 'vitest';
import { generateBillingModule } from '../../src/providers/generate.js';
import { scratchDir, testConfig } from './helpers.js';
import { REPO, runTsc, SETUPS, STRICTER } from './typecheck-setups.js';

const repo = REPO;
const scratch = scratchDir();
afterAll(() => scratch.remove());

// Every call shape the codemod inserts, with the result types it relies on.
const CALLER = `
import { billing, BillingError, checkBalance, trackUsage, type CustomerRef } from './lib/billing.js';

interface Request { user?: { id: number; name: string | null; email: string | null } | null; session?: { userId?: string | null } }
interface Response { status(code: number): { json(body: unknown): void } }

export async function callSites(userId: string, rawBody: string, header: string | null): Promise<void> {
  const customer: CustomerRef = { externalId: userId };
  const created: { id: string; externalId: string; paymentUrl: string | null; status: string } | null =
    await billing.ensureCustomer({ externalId: userId, name: 'Ada', email: 'ada@example.com' });
  if (created?.paymentUrl) console.log(created.paymentUrl);
  type Gate = { allowed: boolean; available: number; required: number; message: string; topUpUrl: string };
  const gate: Gate & { body: { error: string; available: number; required: number; topUpUrl: string } } =
    await checkBalance({ customer, estimate: 0.5 });
  if (!gate.allowed) console.log(gate.message, gate.required, gate.available, gate.topUpUrl, gate.body.error);
  const tracked: Promise<{ id: string; ok: boolean }> = trackUsage({ customer: 'cust_1', eventType: 'message_completed', data: { total_tokens: 12 } });
  void tracked;
  const balance = await billing.getBalance({ customer, asset: 'USD' });
  if (balance) console.log(balance.asset, balance.available, balance.pendingIn, balance.pendingOut);
  const session: { redirectUrl: string; expiresAt: string } = await billing.createPortalSession({ customer, returnUrl: '/billing', failureUrl: '/billing' });
  console.log(session.redirectUrl, session.expiresAt);
  const valid: boolean = billing.verifyWebhook(rawBody, header, 'whsec_x', { toleranceSeconds: 60 });
  console.log(valid, billing.verifyWebhook(new Uint8Array(), undefined, 'whsec_x'));
  billing.onBillingError((error, context) => {
    const status: number | null = error instanceof BillingError ? error.status : null;
    console.log(status, context.operation, context.eventId, context.customer);
  });
}

// The app's own id expressions, as is: a number (SQL), possibly missing (signed out).
export async function handler(req: Request, res: Response): Promise<void> {
  await billing.ensureCustomer({ externalId: req.user?.id, name: req.user?.name, email: req.user?.email });
  await billing.ensureCustomer({ externalId: req.session?.userId, email: 'ada@example.com' });
  const balance = await billing.checkBalance({ customer: { externalId: req.user?.id }, estimate: 0.5 });
  if (!balance.allowed) return res.status(402).json(balance.body);
  void trackUsage({ customer: { externalId: req.session?.userId }, eventType: 'message_completed' });
  const refs: CustomerRef[] = [{ externalId: 7 }, { externalId: null }, { externalId: undefined }, { externalId: '' }, 'cust_1'];
  for (const customer of refs) console.log(await billing.getBalance({ customer }));
  res.status(200).json({ portal: (await billing.createPortalSession({ customer: refs[0]!, returnUrl: '/', failureUrl: '/' })).redirectUrl });
}
`;

test.each(SETUPS)('the TypeScript form type-checks: $name', async (setup) => {
  const dir = join(scratch.dir, setup.name.replace(/\W+/g, '-'));
  mkdirSync(join(dir, 'lib'), { recursive: true });
  const config = testConfig();
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', type: setup.packageType }));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...STRICTER, typeRoots: [join(repo, 'node_modules/@types')], ...setup.options }, include: ['**/*.ts'] }));
  const serverOnly = setup.next ? 'package' : 'guard';
  writeFileSync(join(dir, 'lib/billing.ts'), generateBillingModule({ language: 'ts', module: setup.module, serverOnly, config }));
  writeFileSync(join(dir, 'caller.ts'), CALLER);

  const result = await runTsc(dir);
  expect(result.output).toBe('');
  expect(result.code).toBe(0);
}, 120_000);

test('the template is type-checked with the project (tsconfig.json) but not compiled into dist/ (tsconfig.build.json)', () => {
  const template = join(repo, 'src/providers/credyt/template/billing.ts');
  const files = (config: string) => {
    const parsed = ts.getParsedCommandLineOfConfigFile(join(repo, config), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    if (!parsed) throw new Error(`cannot read ${config}`);
    return parsed.fileNames;
  };
  expect(files('tsconfig.json')).toContain(template);
  const build = files('tsconfig.build.json');
  expect(build).not.toContain(template);
  // The code that reads the template as text is still built.
  expect(build).toContain(join(repo, 'src/providers/generate.ts'));
});

test('the type-check catches a broken module (so a pass means something)', async () => {
  const dir = join(scratch.dir, 'broken');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...STRICTER, typeRoots: [join(repo, 'node_modules/@types')], ...SETUPS[2].options }, include: ['*.ts'] }));
  const code = generateBillingModule({ language: 'ts', module: 'esm', serverOnly: null, config: testConfig() });
  writeFileSync(join(dir, 'billing.ts'), code.replace('return { id, ok: true };', "return { id, ok: 'yes' };"));
  const failed = (await runTsc(dir)).output;
  expect(failed).toMatch(/billing\.ts\(\d+,\d+\): error TS2322/);
}, 120_000);
