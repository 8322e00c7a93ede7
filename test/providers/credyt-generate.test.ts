// generateBillingModule: the four forms parse as what they claim to be, carry the config's values, the
// marker and the server-only choice, stay readable, and come out the same every time.
import { parse } from '@babel/parser';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import {
  BILLING_MODULE_MARKER,
  generateBillingModule,
  isGeneratedBillingModule,
} from '../../src/providers/credyt/generate.js';
import { findRuntimeTypeScript, parseModule } from '../../src/providers/emit/index.js';
import { FORMS, formName, scratchDir, testConfig } from './helpers.js';

const TEMPLATE = readFileSync(new URL('../../src/providers/credyt/template/billing.ts', import.meta.url), 'utf8');
const EXPORTS = ['billing', 'BillingError', 'ensureCustomer', 'trackUsage', 'checkBalance', 'getBalance', 'createPortalSession', 'verifyWebhook', 'firstDelivery', 'onBillingError'];
const scratch = scratchDir();
afterAll(() => scratch.remove());

function nodeTypes(code: string, plugins: Array<'typescript'>, sourceType: 'module' | 'script' = 'module'): Set<string> {
  const types = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const node = value as { type?: unknown };
      if (typeof node.type === 'string') types.add(node.type);
      for (const [key, child] of Object.entries(value)) if (key !== 'loc' && key !== 'extra') walk(child);
    }
  };
  walk(parse(code, { sourceType, plugins }).program);
  return types;
}

describe.each(FORMS)('the $language/$module form', (form) => {
  const code = generateBillingModule({ ...form, serverOnly: null, config: testConfig() });

  test('parses as what it claims to be', () => {
    if (form.language === 'ts') {
      expect(() => parse(code, { sourceType: 'module', plugins: ['typescript'] })).not.toThrow();
      return;
    }
    // Plain JavaScript: parses without the TypeScript plugin, and with it finds no TypeScript node.
    expect(() => parse(code, { sourceType: 'module' })).not.toThrow();
    expect([...nodeTypes(code, ['typescript'])].filter((type) => type.startsWith('TS'))).toEqual([]);
    if (form.module === 'cjs') {
      // A script cannot hold import or export declarations.
      const types = nodeTypes(code, [], 'script');
      expect([...types].filter((type) => /^(Import|Export)/.test(type))).toEqual([]);
      expect(code).not.toMatch(/^\s*(import|export)\b/m);
      expect(code).toMatch(/^'use strict';$/m);
    }
  });

  test('exports billing and every named function', () => {
    if (form.module === 'cjs' && form.language === 'js') {
      const list = /^module\.exports = \{([^}]*)\};$/m.exec(code)?.[1] ?? '';
      expect(list.split(',').map((name) => name.trim()).filter(Boolean).sort()).toEqual([...EXPORTS].sort());
    } else {
      for (const name of EXPORTS) expect(code).toMatch(new RegExp(`^export (async function|function|class|const) ${name}\\b`, 'm'));
    }
  });

  test('opens with the marker and the regeneration command', () => {
    const lines = code.split('\n');
    expect(lines[0]).toBe(BILLING_MODULE_MARKER);
    expect(lines.slice(0, 5).join('\n')).toContain('npx billing-codemod apply client-setup --force');
    expect(isGeneratedBillingModule(code)).toBe(true);
    expect(isGeneratedBillingModule("import x from 'y';\n")).toBe(false);
  });

  test('reads cleanly: no blank-line runs, no trailing spaces, no doc comment left without its code', () => {
    expect(code).not.toMatch(/\n\n\n/);
    expect(code).not.toMatch(/[ \t]+$/m);
    expect(code.endsWith('\n') && !code.endsWith('\n\n')).toBe(true);
    // A doc comment (`/** ... */`) is followed by the code it documents.
    const lines = code.split('\n');
    let inDoc = false;
    lines.forEach((line, i) => {
      if (line.trim().startsWith('/**')) inDoc = true;
      if (inDoc && line.trim().endsWith('*/')) {
        inDoc = false;
        expect(lines[i + 1]?.trim(), `doc comment ending on line ${i + 1} documents nothing`).toMatch(/^[^/\s*]/);
      }
    });
    // Small enough to read in one sitting; it grew past 400 with what keeps billing from taking an app down
    // (the request budget, single-flight customer lookups, a bounded cache, answers checked, webhook replays),
    // to 490 with one interface member per line, which lint configs that drop delimiters require, and to 500
    // with the wallet's accounts that a balance display lists.
    expect(lines.length).toBeLessThan(510);
  });

  test('says nothing about TypeScript in JavaScript: the note on `as` goes with the types', () => {
    const comments = code.split('\n').filter((line) => /^\s*(\/\/|\/\*|\*)/.test(line));
    if (form.language === 'ts') {
      expect(comments).toContain('// TypeScript: `as`, not `: T`, so that code comparing a setting with its other values still type-checks.');
      return;
    }
    expect(comments.filter((line) => /TypeScript|`as`|\btype-?check|\binterface\b|generic|\bas const\b/i.test(line))).toEqual([]);
    // The line it shared with the settings' origin stays.
    expect(code).toMatch(/^\/\/ From billing\.config\.json when this file was generated\.\nconst ASSET = /m);
  });

  test('is the same bytes for the same input', () => {
    expect(generateBillingModule({ ...form, serverOnly: 'guard', config: testConfig() })).toBe(
      generateBillingModule({ ...form, serverOnly: 'guard', config: testConfig() }),
    );
  });

  test('embeds the config values as named constants', () => {
    const config = testConfig({
      customers: { onError: 'fail', returnUrl: "https://app.example/it's-done", failureUrl: undefined, createOnFirstUse: false },
      usage: { onError: 'fail' },
      gates: { onUnavailable: 'deny', topUpUrl: '/account/credits' },
    });
    config.asset = 'CREDIT';
    config.assets = [{ code: 'CREDIT', name: 'Credits', precision: 0 }];
    const out = generateBillingModule({ ...form, serverOnly: null, config });
    const typed = form.language === 'ts';
    const expected = [
      `const ASSET${typed ? ': string' : ''} = 'CREDIT';`,
      `const DEFAULT_PRODUCT_CODES${typed ? ': string[]' : ''} = ['chat', 'pro'];`,
      `const CUSTOMER_RETURN_URL = 'https://app.example/it\\'s-done'${typed ? ' as string | undefined' : ''};`,
      `const CUSTOMER_FAILURE_URL = undefined${typed ? ' as string | undefined' : ''};`,
      `const CUSTOMERS_ON_ERROR = 'fail'${typed ? " as 'log' | 'fail'" : ''};`,
      `const CREATE_CUSTOMER_ON_FIRST_USE${typed ? ': boolean' : ''} = false;`,
      `const USAGE_ON_ERROR = 'fail'${typed ? " as 'log' | 'fail'" : ''};`,
      `const GATES_ON_UNAVAILABLE = 'deny'${typed ? " as 'allow' | 'deny'" : ''};`,
      `const TOP_UP_URL${typed ? ': string' : ''} = '/account/credits';`,
      `const MIN_AMOUNT${typed ? ': number' : ''} = 1;`,
    ];
    for (const line of expected) expect(out.split('\n')).toContain(line);
    // Only the constants differ from the default config's module.
    const before = code.split('\n');
    const changed = out.split('\n').filter((line, i) => line !== before[i]);
    expect(changed.every((line) => line.startsWith('const '))).toBe(true);
  });

  test("serverOnly 'package' imports server-only first; 'guard' adds the browser check; null neither", () => {
    const withPackage = generateBillingModule({ ...form, serverOnly: 'package', config: testConfig() });
    const withGuard = generateBillingModule({ ...form, serverOnly: 'guard', config: testConfig() });
    if (form.module === 'cjs' && form.language === 'js') {
      expect(withPackage.split('\n').slice(0, 3)).toEqual(["'use strict';", "require('server-only');", BILLING_MODULE_MARKER]);
    } else {
      expect(withPackage.split('\n').slice(0, 2)).toEqual(["import 'server-only';", BILLING_MODULE_MARKER]);
    }
    expect(isGeneratedBillingModule(withPackage)).toBe(true);
    expect(withGuard).toMatch(/if \(typeof .*window !== 'undefined'\) \{\n\s+throw new Error\('\[billing\][^']*browser/);
    for (const text of [code, withPackage]) expect(text).not.toContain('window');
    expect(code).not.toContain('server-only');
  });
});

test('the template is plain TypeScript: nothing with runtime semantics (enums, namespaces, parameter properties)', () => {
  expect(findRuntimeTypeScript(parseModule(TEMPLATE))).toEqual([]);
  expect(TEMPLATE.split('\n').length).toBeLessThanOrEqual(510);
});

test('the guard refuses to run where window exists, and is quiet in Node', async () => {
  const file = join(scratch.dir, 'guarded.mjs');
  writeFileSync(file, generateBillingModule({ language: 'js', module: 'esm', serverOnly: 'guard', config: testConfig() }));
  const global = globalThis as { window?: unknown };
  global.window = {};
  try {
    await expect(import(`${pathToFileURL(file).href}?browser`)).rejects.toThrow(/browser bundle/);
  } finally {
    delete global.window;
  }
  await expect(import(`${pathToFileURL(file).href}?node`)).resolves.toHaveProperty('billing');
});

test(`forms are named for test titles (${FORMS.map(formName).join(', ')})`, () => {
  expect(new Set(FORMS.map(formName)).size).toBe(4);
});
