// The env example file: the provider's variables with no value (CREDYT_API_KEY, a commented CREDYT_API_URL), in the example file the
// app already uses (or a new .env.example). Never a key value, and never the real .env.
import { posix } from 'node:path';
import type { BillingConfig } from '../../config/types.js';
import type { PackageInfo } from '../../detect/types.js';
import { createFile, modifyFile } from '../../plan/file-change.js';
import type { EnvVar, FileChange } from '../../plan/types.js';
import { providerOf, type EnvEntry } from '../../providers/registry.js';

/** `.env.example`, `.env.sample`, `.env.local.example`, `.example.env`, `.sample.env` ... */
export const EXAMPLE_ENV = /(^|\/)\.env\.([\w.-]+\.)?(example|sample|template|dist)$|(^|\/)\.(example|sample|template)\.env$/;

export interface EnvPlan {
  change: FileChange | null;
  env: EnvVar[];
}

/** The example env file the app already uses (detection lists env files relative to the project), else a new .env.example. */
export function envExampleFile(info: PackageInfo): string {
  return info.envFiles.find((f) => EXAMPLE_ENV.test(f)) ?? (info.path === '.' ? '.env.example' : posix.join(info.path, '.env.example'));
}

export type { EnvEntry };

/** The variables client-setup wants in the example file (the provider's), each with its comment lines. */
function wantedEntries(config: BillingConfig): EnvEntry[] {
  const entries: EnvEntry[] = [...providerOf(config).env];
  const relative = [config.customers.returnUrl, config.customers.failureUrl].some((u) => u && !/^https?:\/\//.test(u));
  if (relative) entries.push({ name: 'APP_URL', lines: ['# Base URL for the relative return URLs in billing.config.json', 'APP_URL=http://localhost:3000'] });
  return entries;
}

export function planEnvExample(info: PackageInfo, config: BillingConfig, readFile: (path: string) => string | null): EnvPlan {
  return planEnvEntries(info, wantedEntries(config), readFile);
}

/** `entries` that the app's example env file lacks, added at its end (the file is created when there is none). */
export function planEnvEntries(info: PackageInfo, entries: EnvEntry[], readFile: (path: string) => string | null): EnvPlan {
  const path = envExampleFile(info);
  const current = readFile(path);
  const existing = current ?? '';
  const missing = entries.filter((e) => !new RegExp(`^\\s*(export\\s+)?#?\\s*${e.name}=`, 'm').test(existing));
  if (missing.length === 0) return { change: null, env: [] };
  const block = `${missing.flatMap((e) => e.lines).join('\n')}\n`;
  const env = missing.map((e) => ({ name: e.name, file: path }));
  if (current === null) return { change: createFile(path, block), env };
  const change = modifyFile(path, existing, (text) => {
    const sep = text.length === 0 || text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
    return text + sep + block;
  });
  return { change, env };
}
