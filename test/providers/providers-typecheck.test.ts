// The PaymentKit and credits-service modules' TypeScript form type-checks with the real compiler, strict and
// then some, in the three setups apps use (the same as credyt-typecheck.test.ts), with a caller written the
// way the areas insert calls for that provider. PaymentKit resolves the real @blocklet/payment-js types; the
// credits service in a Next.js setup resolves next/headers from a stand-in typed as Next 15 types it.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import type { BillingConfig } from '../../src/config/types.js';
import { generateBillingModule } from '../../src/providers/generate.js';
import { scratchDir, testConfig } from './helpers.js';
import { REPO, runTsc, SETUPS, STRICTER } from './typecheck-setups.js';

const repo = REPO;
const scratch = scratchDir();
afterAll(() => scratch.remove());

const COMMON = `
interface Req { headers: Record<string, string | string[] | undefined>; user?: { id: number } | null }
interface Res { status(code: number): { json(body: unknown): void } }
`;

const CALLERS: Record<'paymentkit' | 'credits-service', string> = {
  paymentkit: `import { billing, BillingError, type CustomerRef } from './lib/billing.js';
${COMMON}
export async function handler(req: Req, res: Res): Promise<void> {
  await billing.ensureCustomer({ externalId: req.user?.id, name: null, email: 'ada@example.com' });
  const balance = await billing.checkBalance({ customer: { externalId: req.user?.id }, estimate: 2 });
  if (!balance.allowed) return res.status(402).json(balance.body);
  void billing.trackUsage({ customer: { externalId: req.user?.id }, eventType: 'message_completed', data: { total_tokens: 3 } });
  const refs: CustomerRef[] = [{ externalId: 'z1did' }, 'z1did', { externalId: null }];
  for (const customer of refs) console.log((await billing.getBalance({ customer }))?.available);
  const portal: { redirectUrl: string; expiresAt: string } = await billing.createPortalSession({ customer: refs[0]!, returnUrl: '/', failureUrl: '/' });
  console.log(portal.redirectUrl, (await billing.getTransactions({ customer: 'z1did' }))[0]?.amount, (await billing.ensureMeters()).length);
  billing.onBillingError((error) => console.log(error instanceof BillingError ? error.status : null));
}
`,
  'credits-service': `import { billing, BillingError } from './lib/billing.js';
${COMMON}
export async function handler(req: Req, res: Res, request: Request): Promise<void> {
  const balance = await billing.checkBalance({ customer: { externalId: req.user?.id }, estimate: 2, session: req });
  if (!balance.allowed) return res.status(402).json(balance.body);
  void billing.trackUsage({ customer: { externalId: req.user?.id }, eventType: 'message_completed', data: { total_tokens: 3 }, session: req });
  console.log((await billing.getBalance({ customer: { externalId: req.user?.id }, session: request }))?.available);
  console.log((await billing.getBalance({ customer: 'u1', session: request.headers }))?.accounts);
  const portal: { redirectUrl: string } = await billing.createPortalSession({ customer: { externalId: 1 }, returnUrl: '/', failureUrl: '/', session: req });
  const checkout = await billing.createCheckoutSession({ planId: 'pro', successUrl: '/ok', cancelUrl: '/', session: req });
  console.log(portal.redirectUrl, checkout.redirectUrl, (await billing.getTransactions({ session: req }))[0]?.amount, await billing.getPlans());
  billing.onBillingError((error) => console.log(error instanceof BillingError ? error.status : null));
}
`,
};

function configFor(provider: 'paymentkit' | 'credits-service'): BillingConfig {
  const base = testConfig();
  return provider === 'paymentkit' ? { ...base, provider } : { ...base, provider, creditsService: { auth: 'cookie', deduct: { path: '/credits/deduct', body: { amount: '{amount}' } } } };
}

test.each((['paymentkit', 'credits-service'] as const).flatMap((provider) => SETUPS.map((setup) => ({ provider, ...setup }))))(
  'the $provider module type-checks: $name',
  async (setup) => {
    const dir = join(scratch.dir, `${setup.provider}-${setup.name.replace(/\W+/g, '-')}`);
    mkdirSync(join(dir, 'lib'), { recursive: true });
    mkdirSync(join(dir, 'node_modules/next'), { recursive: true });
    for (const pkg of ['@types', '@blocklet']) symlinkSync(join(repo, 'node_modules', pkg), join(dir, 'node_modules', pkg), 'dir');
    writeFileSync(join(dir, 'node_modules/next/package.json'), JSON.stringify({ name: 'next', version: '15.0.0' }));
    writeFileSync(join(dir, 'node_modules/next/headers.d.ts'), 'export declare function headers(): Promise<Headers>;\n');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', type: setup.packageType }));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...STRICTER, ...setup.options }, include: ['**/*.ts'], exclude: ['node_modules'] }));
    const code = generateBillingModule({ language: 'ts', module: setup.module, serverOnly: setup.next ? 'package' : 'guard', config: configFor(setup.provider), next: setup.next });
    expect(code.includes('next/headers')).toBe(setup.provider === 'credits-service' && setup.next);
    writeFileSync(join(dir, 'lib/billing.ts'), code);
    writeFileSync(join(dir, 'caller.ts'), CALLERS[setup.provider]);
    const result = await runTsc(dir);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  },
  120_000,
);
