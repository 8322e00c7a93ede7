// The config validator the build writes out as code answers as the schema compiled by Ajv does, and is used
// only when it was made from the schema as it is now.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';
import { configValidator, PRECOMPILED_VALIDATOR, schemaText, standaloneValidator } from '../../src/config/validator.js';

const require = createRequire(import.meta.url);
// Inside the package, as the build's file is: the generated code requires Ajv's runtime helpers by name.
const dir = mkdtempSync(join(packageRoot(), 'node_modules', '.validator-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function written(name: string, schema: string): string {
  const file = join(dir, name);
  writeFileSync(file, standaloneValidator(schema));
  return file;
}

const event = { type: 'chat_completion', calls: ['openai:chat.completions.create'], estimate: 0.01 };
const CONFIGS: Record<string, unknown> = {
  'the smallest valid one (defaults filled in)': { provider: 'credyt', asset: 'USD', products: [{ code: 'ai_usage' }], events: [event] },
  'every section': {
    provider: 'credits-service',
    creditsService: { auth: 'bearer', deduct: { path: '/credits/deduct', body: { amount: '{amount}' } } },
    asset: 'CREDIT',
    products: [{ code: 'pro', prices: [{ name: 'p', type: 'fixed', billing_model: { type: 'recurring' }, pricing: [] }] }],
    events: [{ ...event, expected: { model: 'gpt-4o', inputTokens: 10 } }],
    customers: { onError: 'fail', signup: { file: 'src/auth.ts' } },
    costs: { markup: 1.5, prices: { m: { input: 1, vendor: 'openai' } } },
    gates: { onUnavailable: 'deny' },
  },
  'a provider it does not know, a field it does not have': { provider: 'stripe', asset: 'USD', products: [{ code: 'x' }], events: [event], extra: 1 },
  'a missing estimate, a bad asset and product code': { provider: 'credyt', asset: 'usd', products: [{ code: 'Bad Code' }], events: [{ type: 'x', calls: [] }] },
  'wrong types deep down': { provider: 'credyt', asset: 'USD', products: [], events: [event], costs: { prices: { m: { output: -1, vendor: '' } }, markup: 0 }, requestBudgetMs: 5 },
  'not an object': [1, 2],
};

describe('the validator written by the build', () => {
  const compiled = configValidator(schemaText(), join(dir, 'absent.cjs'));
  const precompiled = configValidator(schemaText(), written('current.cjs', schemaText()));

  it('is the one used when it was made from the current schema', () => {
    expect(precompiled).toBe(require(join(dir, 'current.cjs')));
    expect(compiled).not.toBe(precompiled);
  });

  for (const [name, config] of Object.entries(CONFIGS)) {
    it(`answers as Ajv does: ${name}`, () => {
      const a = structuredClone(config);
      const b = structuredClone(config);
      expect(precompiled(b)).toBe(compiled(a));
      expect(precompiled.errors ?? null).toEqual(compiled.errors ?? null);
      expect(b).toEqual(a);
    });
  }

  it('answers at least one of those with errors and fills in defaults in another', () => {
    expect(Object.values(CONFIGS).filter((c) => !compiled(structuredClone(c)))).toHaveLength(4);
    const filled = structuredClone(CONFIGS['the smallest valid one (defaults filled in)']) as Record<string, unknown>;
    compiled(filled);
    expect(filled.customers).toEqual({ onError: 'log', createOnFirstUse: true });
  });

  it('is not used when made from another schema: the current one is compiled instead', () => {
    const older = schemaText().replace('"enum": ["credyt", "paymentkit", "credits-service"]', '"enum": ["credyt"]');
    expect(older).not.toBe(schemaText());
    const file = written('older.cjs', older);
    const validator = configValidator(schemaText(), file);
    expect(validator).not.toBe(require(file));
    expect(validator({ provider: 'paymentkit', asset: 'USD', products: [{ code: 'x' }], events: [event] })).toBe(true);
  });

  it('is in the built package, made from the schema it ships (npm test builds first)', () => {
    expect(configValidator()).toBe(require(join(packageRoot(), PRECOMPILED_VALIDATOR)));
  });
});
