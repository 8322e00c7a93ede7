// The config loader: a complete config validates against the shipped schema (and type-checks as
// BillingConfig, which keeps the two in step); init's output validates for every fixture project; each kind
// of mistake is reported with the file and the field.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configFromDetection, schemaReference } from '../../src/config/from-detection.js';
import { toolkitVersion } from '../../src/package-root.js';
import { ConfigError, loadConfig, parseConfig } from '../../src/config/load.js';
import type { BillingConfig } from '../../src/config/types.js';
import { detectStack } from '../../src/detect/stack.js';
import { loadProject } from '../../src/project/project.js';

/** Every field the schema knows, with a value of the right shape. Typed, so tsc checks it against BillingConfig. */
const FULL: BillingConfig = {
  $schema: './node_modules/billing-codemod/schema/billing.config.schema.json',
  provider: 'credyt',
  asset: 'CREDIT',
  assets: [{ code: 'CREDIT', name: 'Credits', precision: 2, symbol: 'c', label: 'credits', rates: [{ source: 'USD', rate: 100 }] }],
  products: [
    {
      code: 'pro-plan',
      name: 'Pro',
      description: 'Monthly fee plus usage',
      prices: [
        {
          name: 'Monthly fee',
          type: 'fixed',
          billing_model: { type: 'recurring', recurring: { interval: 'month' } },
          pricing: [{ asset: 'USD', values: [{ unit_price: 20 }] }],
        },
        {
          name: 'Tokens',
          type: 'usage_based',
          billing_model: { type: 'real_time' },
          usage_calculation: {
            event_type: 'chat_completion',
            usage_type: 'unit_and_volume',
            volume_field: 'total_tokens',
            source_reference_field: 'request_id',
            billable_dimensions: ['model'],
          },
          pricing: [
            {
              asset: 'CREDIT',
              values: [
                { volume_rate: 0.001, package_size: 1000 },
                { name: 'gpt-4o', dimensions: { model: 'gpt-4o' }, values: [{ volume_rate: 0.005 }] },
              ],
            },
          ],
        },
      ],
    },
  ],
  events: [
    {
      type: 'chat_completion',
      description: 'Text generation',
      calls: ['openai:chat.completions.create', 'anthropic:*', 'generateVideo', 'fastify.apiLayer.post'],
      volumeField: 'total_tokens',
      dimensions: ['model'],
      estimate: 0.02,
      estimateReviewed: true,
    },
  ],
  customers: {
    onError: 'fail',
    returnUrl: '/billing/done',
    failureUrl: 'https://example.com/billing/failed',
    createOnFirstUse: false,
    signup: { file: 'src/routes/auth.ts', handler: 'register' },
  },
  usage: { onError: 'fail' },
  gates: { onUnavailable: 'deny', topUpUrl: 'https://example.com/top-up' },
  portal: { returnUrl: '/account' },
  paths: { billingModule: 'src/lib/billing.ts', billingImport: '@/lib/billing' },
};

const MINIMAL = { provider: 'credyt', asset: 'USD', products: [{ code: 'ai_usage' }], events: [{ type: 'chat', calls: ['openai:*'], estimate: 0.01 }] };

/** The problems a config text is reported with (the ConfigError's list), or [] when it loads. */
function problems(config: unknown, text = JSON.stringify(config)): string[] {
  try {
    parseConfig(text, 'billing.config.json');
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    expect(error.file).toBe('billing.config.json');
    expect(error.message.startsWith('billing.config.json: ')).toBe(true);
    return error.problems;
  }
}

const edit = (change: (c: Record<string, any>) => void) => {
  const copy = structuredClone(MINIMAL) as Record<string, any>;
  change(copy);
  return copy;
};

describe('valid configs', () => {
  it('accepts a config with every field, unchanged', () => {
    expect(parseConfig(JSON.stringify(FULL), 'billing.config.json')).toEqual(FULL);
  });

  it('fills in the defaults of optional sections', () => {
    const config = parseConfig(JSON.stringify(MINIMAL), 'billing.config.json');
    expect(config.customers).toEqual({ onError: 'log', createOnFirstUse: true });
    expect(config.usage).toEqual({ onError: 'log' });
    expect(config.gates).toEqual({ onUnavailable: 'allow', topUpUrl: '/billing' });
    expect(config.paths).toEqual({});
  });

  const PROJECTS = join(import.meta.dirname, '..', 'fixtures', 'projects');
  const temps: string[] = [];
  afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

  for (const name of readdirSync(PROJECTS).sort()) {
    it(`accepts what init writes for the ${name} fixture`, async () => {
      const dir = mkdtempSync(join(tmpdir(), `config-${name}-`));
      temps.push(dir);
      cpSync(join(PROJECTS, name), dir, { recursive: true, filter: (src) => basename(src) !== 'expected.json' });
      const stack = await detectStack(await loadProject(dir));
      for (const pkg of stack.packages) {
        const written = configFromDetection(pkg);
        const loaded = parseConfig(`${JSON.stringify(written, null, 2)}\n`, 'billing.config.json');
        expect(loaded).toEqual(written);
        // Every billable call detection found is covered by exactly one event.
        const ids = pkg.billableCalls.map((c) => `${c.provider}:${c.call}`);
        for (const id of ids) expect(loaded.events.filter((e) => e.calls.includes(id)), id).toHaveLength(1);
        expect(loaded.events.every((e) => e.estimateReviewed === false)).toBe(true);
      }
    });
  }
});

describe('config errors name the field', () => {
  it('a wrong type', () => {
    expect(problems(edit((c) => (c.events[0].estimate = '0.01')))).toEqual(['events[0].estimate must be a number']);
    expect(problems(edit((c) => (c.events[0].calls = 'openai:*')))).toEqual(['events[0].calls must be an array']);
  });

  it('a missing required field, at the top and nested', () => {
    expect(problems(edit((c) => delete c.asset))).toEqual(['asset is required']);
    expect(problems(edit((c) => delete c.events[0].calls))).toEqual(['events[0].calls is required']);
    expect(problems(edit((c) => (c.customers = { signup: { handler: 'register' } })))).toEqual(['customers.signup.file is required']);
  });

  it('an unknown field, at the top and nested', () => {
    expect(problems(edit((c) => (c.provder = 'credyt')))).toEqual(['(top level): unknown field "provder"']);
    expect(problems(edit((c) => (c.gates = { topUpURL: '/x' })))).toEqual(['gates: unknown field "topUpURL"']);
    expect(problems(edit((c) => (c.events[0].estimat = 1)))).toEqual(['events[0]: unknown field "estimat"']);
  });

  it('a value outside an enum', () => {
    expect(problems(edit((c) => (c.provider = 'stripe')))).toEqual(['provider must be one of "credyt", "paymentkit", "credits-service"']);
    expect(problems(edit((c) => (c.gates = { onUnavailable: 'maybe' })))).toEqual(['gates.onUnavailable must be one of "allow", "deny"']);
  });

  it('a value out of range or of the wrong form', () => {
    expect(problems(edit((c) => (c.events[0].estimate = 0)))).toEqual(['events[0].estimate must be > 0']);
    expect(problems(edit((c) => (c.asset = 'usd')))).toEqual(['asset must match pattern "^[A-Z][A-Z0-9_]{1,19}$"']);
    expect(problems(edit((c) => (c.products = [])))).toEqual(['products must NOT have fewer than 1 items']);
  });

  it('several mistakes at once, each listed', () => {
    const list = problems(edit((c) => ((c.provider = 'x'), (c.events[0].estimate = 'high'), delete c.products)));
    expect(list).toEqual(['products is required', 'provider must be one of "credyt", "paymentkit", "credits-service"', 'events[0].estimate must be a number']);
  });

  it('invalid JSON, with the parser message', () => {
    expect(problems(null, '{ "provider": "credyt", }')[0]).toMatch(/^not valid JSON: .*(Expected|Unexpected)/);
    expect(problems(null, '')[0]).toMatch(/^not valid JSON/);
  });

  it('a config file on disk names its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'config-file-'));
    try {
      expect(loadConfig(dir)).toBeNull();
      writeFileSync(join(dir, 'billing.config.json'), JSON.stringify(edit((c) => (c.events[0].estimate = 'x'))));
      let error: unknown;
      try {
        loadConfig(dir);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const file = (error as ConfigError).file;
      expect([join(dir, 'billing.config.json'), relative(process.cwd(), join(dir, 'billing.config.json'))]).toContain(file);
      expect((error as ConfigError).message).toBe(`${file}: events[0].estimate must be a number`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('$schema written by init', () => {
  it("points at the app's installed copy of the schema, nearest node_modules first, else the published one", () => {
    const root = mkdtempSync(join(tmpdir(), 'schema-ref-'));
    try {
      const app = join(root, 'apps', 'api');
      mkdirSync(app, { recursive: true });
      expect(schemaReference(app, root)).toBe(`https://unpkg.com/billing-codemod@${toolkitVersion()}/schema/billing.config.schema.json`);
      mkdirSync(join(root, 'node_modules', 'billing-codemod', 'schema'), { recursive: true });
      writeFileSync(join(root, 'node_modules', 'billing-codemod', 'schema', 'billing.config.schema.json'), '{}');
      expect(schemaReference(app, root)).toBe('../../node_modules/billing-codemod/schema/billing.config.schema.json');
      mkdirSync(join(app, 'node_modules', 'billing-codemod', 'schema'), { recursive: true });
      writeFileSync(join(app, 'node_modules', 'billing-codemod', 'schema', 'billing.config.schema.json'), '{}');
      expect(schemaReference(app, root)).toBe('./node_modules/billing-codemod/schema/billing.config.schema.json');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
