// The billing module client-setup writes into an app: template/billing.ts with the app's settings embedded,
// emitted in the language and module system the app uses. The user owns the result.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BillingConfig } from '../../config/types.js';
import { packageRoot } from '../../package-root.js';
import { emitModule, jsLiteral, type LiteralValue } from '../emit/index.js';

export { BILLING_MODULE_MARKER, isGeneratedBillingModule } from './marker.js';

export interface GenerateBillingModuleOptions {
  language: 'ts' | 'js';
  module: 'esm' | 'cjs';
  /**
   * How the module refuses to end up in a browser bundle: `'package'` imports Next.js's `server-only` (for apps
   * that have it), `'guard'` throws when evaluated where `window` exists, null adds nothing (plain Node servers).
   */
  serverOnly: 'package' | 'guard' | null;
  config: BillingConfig;
}

const TEMPLATE_PATH = 'src/providers/credyt/template/billing.ts';

const GUARD = `
// This module holds the Credyt API key: refuse to run in a browser bundle.
if (typeof (globalThis as { window?: unknown }).window !== 'undefined') {
  throw new Error('[billing] The billing module was loaded in a browser bundle; import it from server code only.');
}
`;

let template: string | null = null;

export function generateBillingModule(options: GenerateBillingModuleOptions): string {
  template ??= readFileSync(join(packageRoot(), TEMPLATE_PATH), 'utf8');
  let source = embedSettings(template, settingsFrom(options.config));
  if (options.serverOnly === 'guard') source = afterImports(source, GUARD);
  if (options.serverOnly === 'package') source = `import 'server-only';\n${source}`;
  return emitModule(source, options);
}

/** The template's named constants, as billing.config.json sets them (the loader fills in schema defaults). */
function settingsFrom(config: BillingConfig): Record<string, LiteralValue> {
  const precision = config.assets?.find((asset) => asset.code === config.asset)?.precision ?? 2;
  return {
    ASSET: config.asset,
    DEFAULT_PRODUCT_CODES: config.products.map((product) => product.code),
    CUSTOMER_RETURN_URL: config.customers?.returnUrl,
    CUSTOMER_FAILURE_URL: config.customers?.failureUrl,
    CUSTOMERS_ON_ERROR: config.customers?.onError ?? 'log',
    CREATE_CUSTOMER_ON_FIRST_USE: config.customers?.createOnFirstUse ?? true,
    SIGNUP_CREDITS: config.customers?.signupCredits ?? 0,
    USAGE_ON_ERROR: config.usage?.onError ?? 'log',
    GATES_ON_UNAVAILABLE: config.gates?.onUnavailable ?? 'allow',
    TOP_UP_URL: config.gates?.topUpUrl ?? '/billing',
    REQUEST_BUDGET_MS: config.requestBudgetMs ?? 2000,
    PARTIAL_FLOOR: partialFloors(config),
    // One unit of the asset's last decimal: 0.01 USD, 1 credit for an asset without decimals.
    MIN_AMOUNT: Number((10 ** -precision).toFixed(precision)),
  };
}

/**
 * For each volume-priced event: the volume its estimate buys at the configured rate (`estimate / volume_rate`
 * in the config's asset), so a partial event is billed at least the estimate. Events without a rate get none.
 */
function partialFloors(config: BillingConfig): LiteralValue[] {
  const floors: LiteralValue[] = [];
  for (const event of config.events) {
    if (!event.volumeField || !(event.estimate > 0)) continue;
    const rate = config.products
      .flatMap((product) => product.prices ?? [])
      .filter((price) => price.usage_calculation?.event_type === event.type && price.usage_calculation.usage_type === 'volume')
      .flatMap((price) => price.pricing.filter((p) => p.asset === config.asset).flatMap((p) => p.values.map((v) => ('volume_rate' in v ? v.volume_rate : undefined))))
      .find((r): r is number => typeof r === 'number' && r > 0);
    if (rate) floors.push([event.type, event.volumeField, Math.ceil(event.estimate / rate)]);
  }
  return floors;
}

/** Code to embed as written (a table laid out one row per line), where a plain literal would be one long line. */
export class RawCode {
  constructor(readonly code: string) {}
}

/** Replaces the value of each `const NAME[: T] = value[ as T];` line of a template, keeping its type. */
export function embedSettings(source: string, settings: Record<string, LiteralValue | RawCode>, templatePath = TEMPLATE_PATH): string {
  let result = source;
  for (const [name, value] of Object.entries(settings)) {
    const line = new RegExp(`^(const ${name}(?::[^=]+)? = )(.+?)((?: as [^;]+)?;)$`, 'gm');
    const count = result.match(line)?.length ?? 0;
    if (count !== 1) throw new Error(`${templatePath}: expected one \`const ${name} = ...;\` line, found ${count}`);
    const code = value instanceof RawCode ? value.code : jsLiteral(value);
    result = result.replace(line, (_match, head: string, _value: string, tail: string) => head + code + tail);
  }
  return result;
}

function afterImports(source: string, code: string): string {
  const imports = [...source.matchAll(/^import .+;$/gm)];
  const last = imports[imports.length - 1];
  if (!last || last.index === undefined) throw new Error(`${TEMPLATE_PATH}: no import line to put the guard after`);
  const at = last.index + last[0].length + 1;
  return source.slice(0, at) + code + source.slice(at);
}
