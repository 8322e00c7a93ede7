// Where the generated billing module lives in an app, and how a file of that app imports it: through the
// app's alias when it resolves aliases at runtime (Next.js, bundlers), else a relative path with the
// `.js` extension where Node's ESM resolution needs one.
import { posix } from 'node:path';
import type { BillingConfig } from '../config/types.js';
import type { PackageInfo } from '../detect/types.js';
import type { ImportWish } from '../ast/add-import.js';
import { resolveImport } from '../project/resolve-import.js';
import type { Project } from '../project/project.js';

/** The module's path relative to the package folder: the config's record, else the app's convention. */
export function billingModulePath(info: PackageInfo, config: BillingConfig): string {
  if (config.paths.billingModule) return config.paths.billingModule;
  const ext = info.language === 'ts' ? 'ts' : 'js';
  return `${info.srcDir ? 'src/' : ''}lib/billing.${ext}`;
}

/** A module the toolkit writes next to the billing module (`lib/billing-costs.ts` beside `lib/billing.ts`). */
export function siblingModulePath(info: PackageInfo, config: BillingConfig, suffix: string): string {
  return billingModulePath(info, config).replace(/(\.[cm]?[jt]sx?)$/, `-${suffix}$1`);
}

/** The alias spelling of the module (`@/lib/billing`), when the app has an alias for its folder and resolves aliases at runtime. */
export function aliasSpecifier(info: PackageInfo, modulePath: string): string | null {
  // Plain Node (tsc output, node --import) does not resolve tsconfig paths; only bundled apps do.
  if (info.framework !== 'next') return null;
  const withoutExt = modulePath.replace(/\.[cm]?[jt]sx?$/, '');
  for (const [pattern, targets] of Object.entries(info.aliases)) {
    const star = pattern.indexOf('*');
    for (const target of targets) {
      const t = target.replace(/^\.\//, '');
      if (star === -1 || !target.includes('*')) continue;
      const [prefix, suffix] = t.split('*');
      if (withoutExt.startsWith(prefix) && withoutExt.endsWith(suffix)) {
        return pattern.slice(0, star) + withoutExt.slice(prefix.length, withoutExt.length - suffix.length) + pattern.slice(star + 1);
      }
    }
  }
  return null;
}

/** The specifier `fromFile` (package-relative) writes to import the billing module. */
export function billingSpecifier(info: PackageInfo, config: BillingConfig, fromFile: string): string {
  return config.paths.billingImport ?? moduleSpecifier(info, billingModulePath(info, config), fromFile);
}

/** The specifier `fromFile` writes to import `modulePath` (both package-relative): the app's alias, else relative. */
export function moduleSpecifier(info: PackageInfo, modulePath: string, fromFile: string): string {
  const alias = aliasSpecifier(info, modulePath);
  if (alias) return alias;
  const withoutExt = modulePath.replace(/\.[cm]?[jt]sx?$/, '');
  let rel = posix.relative(posix.dirname(fromFile), withoutExt);
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return rel + info.importExtension;
}

/** Whether a specifier written in `fromFile` (project-relative) already points at the billing module. */
export function isBillingSpecifier(project: Project, info: PackageInfo, config: BillingConfig, fromFile: string, specifier: string): boolean {
  const target = posix.join(info.path, billingModulePath(info, config));
  const resolved = resolveImport({ project, pkgPath: info.path, aliases: info.aliases }, fromFile, specifier);
  if (resolved) return posix.normalize(resolved) === posix.normalize(target);
  // The module may not exist yet (planned in the same run); compare spellings instead.
  const pkgRelative = info.path === '.' ? fromFile : fromFile.slice(info.path.length + 1);
  return specifier === billingSpecifier(info, config, pkgRelative);
}

/** What a transform needs to import `billing` into `file` (project-relative): the spelling to write, and the spellings that already count. */
export function billingImportFor(project: Project, info: PackageInfo, config: BillingConfig, file: string): ImportWish {
  const fromPackage = info.path === '.' ? file : posix.relative(info.path, file);
  return {
    source: billingSpecifier(info, config, fromPackage),
    name: 'billing',
    sameModule: (specifier) => isBillingSpecifier(project, info, config, file, specifier),
  };
}
