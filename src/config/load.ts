// Loads billing.config.json and validates it against the shipped JSON schema. Errors name the file, the
// field path and what was expected, and defaults for optional sections are filled in.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { deriveEstimates } from '../costs/estimate.js';
import { CONFIG_FILE, type BillingConfig } from './types.js';
import { configValidator } from './validator.js';

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.length === 1 ? problems[0] : `\n  - ${problems.join('\n  - ')}`}`);
  }
}

let validator: ValidateFunction | null = null;

// Made when a config is first checked: most `detect` runs read none.
const validate = () => (validator ??= configValidator());

export function configPath(pkgDir: string): string {
  return join(pkgDir, CONFIG_FILE);
}

/**
 * The package's config, or null when it has none. Throws ConfigError when the file is invalid, naming the
 * file as the user can find it (`apps/web/billing.config.json`, not just its base name).
 */
export function loadConfig(pkgDir: string): BillingConfig | null {
  const file = configPath(pkgDir);
  if (!existsSync(file)) return null;
  if (!statSync(file).isFile()) throw new ConfigError(displayPath(file), ['this is a folder (or another non-file), not a config file']);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(displayPath(file), [`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`]);
  }
  return parseConfig(text, displayPath(file));
}

/** Relative to the working directory when the file is under it, else absolute. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : file;
}

export function parseConfig(text: string, file: string): BillingConfig {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
  const check = validate();
  if (!check(data)) throw new ConfigError(file, describeErrors(check.errors ?? []));
  const config = data as BillingConfig;
  // The credits service is called with the user's session; a cookie is what a same-origin app has.
  if (config.provider === 'credits-service') config.creditsService ??= { auth: 'cookie', prefix: '', channel: 'stripe' };
  const problems = deriveEstimates(config);
  if (problems.length) throw new ConfigError(file, problems);
  return config;
}

/** `/events/0/estimate` → `events[0].estimate` */
function fieldPath(pointer: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

function describeErrors(errors: ErrorObject[]): string[] {
  const out = new Set<string>();
  for (const e of errors) {
    const at = fieldPath(e.instancePath);
    const where = at || '(top level)';
    switch (e.keyword) {
      case 'required':
        out.add(`${at ? `${at}.` : ''}${(e.params as { missingProperty: string }).missingProperty} is required`);
        break;
      case 'additionalProperties':
        out.add(`${where}: unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"`);
        break;
      case 'enum':
        out.add(`${where} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`);
        break;
      case 'type':
        out.add(`${where} must be ${article((e.params as { type: string }).type)}`);
        break;
      default:
        out.add(`${where} ${e.message ?? 'is invalid'}`);
    }
  }
  return [...out];
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
