// The billing module file: written when absent, left alone when identical, and never overwritten when the
// user has edited it (unless --force) or when the path holds a file this toolkit did not generate.
import { createTwoFilesPatch } from 'diff/lib/patch/create.js';
import type { BillingConfig } from '../../config/types.js';
import type { PackageInfo } from '../../detect/types.js';
import { generateBillingModule, isGeneratedBillingModule } from '../../providers/generate.js';
import { createFile } from '../../plan/file-change.js';
import type { FileChange, Skipped } from '../../plan/types.js';
import type { StyleTools } from '../../style/finish.js';
import { restyle } from '../../style/restyle.js';

export interface ModulePlan {
  change: FileChange | null;
  skipped: Skipped | null;
  note: string | null;
  /** False when the path holds someone else's file: then nothing may point later areas at it. */
  ours: boolean;
}

/** How the app keeps the module out of browser bundles: Next.js's server-only package when present, else a guard. */
export function serverOnlyFor(info: PackageInfo): 'package' | 'guard' | null {
  if (info.framework !== 'next') return null;
  return info.dependencies.includes('server-only') ? 'package' : 'guard';
}

export function generateFor(info: PackageInfo, config: BillingConfig): string {
  return generateBillingModule({
    language: info.language,
    // TypeScript is written with import/export whatever it compiles to; JavaScript follows the app.
    module: info.language === 'ts' ? 'esm' : info.module,
    serverOnly: serverOnlyFor(info),
    config,
    next: info.framework === 'next',
  });
}

/**
 * `style`, when given, is the project's: the module is written in its style, and an existing module is compared
 * with the module as the project's formatter and lint fixer would leave it, so a formatted copy is not "edited".
 */
export async function planModuleFile(path: string, info: PackageInfo, config: BillingConfig, existing: string | null, force: boolean, style?: StyleTools): Promise<ModulePlan> {
  const generated = style ? restyle(path, generateFor(info, config), await style.projectStyle()) : generateFor(info, config);
  if (existing === null) return { change: createFile(path, generated), skipped: null, note: null, ours: true };
  const finished = style ? (await style.finish(createFile(path, generated))).after : generated;
  if (existing === generated || existing === finished) return { change: null, skipped: null, note: null, ours: true };
  if (!isGeneratedBillingModule(existing)) {
    return {
      change: null,
      skipped: { path, reason: 'a file the toolkit did not generate is already there; set paths.billingModule in billing.config.json to put the billing module elsewhere' },
      note: null,
      ours: false,
    };
  }
  if (force) return { change: { path, action: 'modify', before: existing, after: generated }, skipped: null, note: null, ours: true };
  const changed = changedLines(existing, finished);
  return {
    change: null,
    skipped: { path, reason: `differs from what the current config generates (${changed} line(s): your edits, or a config change): kept as it is` },
    note: `to see the difference: billing-codemod apply client-setup --force --dry-run; to regenerate it (dropping your edits): --force`,
    ours: true,
  };
}

function changedLines(a: string, b: string): number {
  return createTwoFilesPatch('a', 'b', a, b, undefined, undefined, { context: 0 })
    .split('\n')
    .filter((l) => /^[+-](?![+-])/.test(l)).length;
}
