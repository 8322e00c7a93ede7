// A plain `jscodeshift -t dist/transforms/balance-gates.js` run hands the transform only its command-line
// flags. What `billing-codemod apply` would pass is read here from the working directory (the app's
// folder): billing.config.json, the framework from package.json, and where the billing module is.
// Package-wide facts (handlers routed from other files, helpers in other files) need `apply`.
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { loadConfig } from '../../config/load.js';
import { frameworkOf } from '../../detect/package-facts.js';
import { allDependencies, type PackageJson } from '../../detect/packages.js';
import type { Framework } from '../../detect/types.js';
import type { ImportWish } from '../../ast/add-import.js';
import type { GateOptions } from './work.js';

export interface StandaloneFlags {
  /** `--billingImport=@/lib/billing`: the specifier to import the billing module with. */
  billingImport?: string;
  framework?: Framework;
}

export function standaloneOptions(path: string, flags: StandaloneFlags, dir = process.cwd()): GateOptions & { billing: ImportWish; frameworkVersion: string | null } {
  const config = loadConfig(dir);
  if (!config) throw new Error(`balance-gates: no billing.config.json in ${dir}; run \`billing-codemod init\` there first`);
  const json = existsSync(join(dir, 'package.json')) ? (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson) : {};
  const deps = allDependencies(json);
  const framework = flags.framework ?? frameworkOf(deps);
  const modulePath = config.paths.billingModule ?? (existsSync(join(dir, 'src')) ? 'src/lib/billing' : 'lib/billing');
  const relative = posix.relative(posix.dirname(path.split('\\').join('/')), modulePath.replace(/\.[cm]?[jt]sx?$/, ''));
  const source = flags.billingImport ?? config.paths.billingImport ?? `${relative.startsWith('.') ? '' : './'}${relative}${json.type === 'module' && framework !== 'next' ? '.js' : ''}`;
  return {
    framework,
    config,
    dependencies: Object.keys(deps),
    passport: 'passport' in deps,
    nullSafe: true,
    billing: { source, name: 'billing' },
    frameworkVersion: deps[framework]?.replace(/^[\^~>=<v\s]+/, '') ?? null,
  };
}
