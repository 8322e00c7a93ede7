// The billing module client-setup writes into an app: the provider's template with the app's settings
// embedded, emitted in the language and module system the app uses. The user owns the result.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BillingConfig } from '../config/types.js';
import { packageRoot } from '../package-root.js';
import { emitModule, jsLiteral, type LiteralValue } from './emit/index.js';
import { providerOf } from './registry.js';

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
  /** A Next.js app: a provider called with the user's session reads the request's headers itself there. */
  next?: boolean;
}

const templates = new Map<string, string>();

export function generateBillingModule(options: GenerateBillingModuleOptions): string {
  const provider = providerOf(options.config);
  let template = templates.get(provider.template);
  if (template === undefined) templates.set(provider.template, (template = readFileSync(join(packageRoot(), provider.template), 'utf8')));
  let source = embedSettings(keepRegions(template, { 'next-headers': options.next === true }), provider.settings(options.config), provider.template);
  if (options.serverOnly === 'guard') source = afterImports(source, guard(provider.serverOnlyBecause), provider.template);
  if (options.serverOnly === 'package') source = `import 'server-only';\n${source}`;
  return emitModule(source, options);
}

function guard(because: string): string {
  return `
// ${because}: refuse to run in a browser bundle.
if (typeof (globalThis as { window?: unknown }).window !== 'undefined') {
  throw new Error('[billing] The billing module was loaded in a browser bundle; import it from server code only.');
}
`;
}

/** Drops each `// @name-start` ... `// @name-end` region whose flag is false, and the marker lines of the rest. */
function keepRegions(source: string, flags: Record<string, boolean>): string {
  let result = source;
  for (const [name, keep] of Object.entries(flags)) {
    const region = new RegExp(`^[ \\t]*// @${name}-start\\n([\\s\\S]*?)^[ \\t]*// @${name}-end\\n`, 'gm');
    result = result.replace(region, (_match, body: string) => (keep ? body : ''));
  }
  return result;
}

/** Code to embed as written (a table laid out one row per line), where a plain literal would be one long line. */
export class RawCode {
  constructor(readonly code: string) {}
}

/** Replaces the value of each `const NAME[: T] = value[ as T];` line of a template, keeping its type. */
export function embedSettings(source: string, settings: Record<string, LiteralValue | RawCode>, templatePath: string): string {
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

function afterImports(source: string, code: string, templatePath: string): string {
  const imports = [...source.matchAll(/^import .+;$/gm)];
  const last = imports[imports.length - 1];
  if (!last || last.index === undefined) throw new Error(`${templatePath}: no import line to put the guard after`);
  const at = last.index + last[0].length + 1;
  return source.slice(0, at) + code + source.slice(at);
}
