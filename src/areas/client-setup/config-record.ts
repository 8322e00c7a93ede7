// Records where the billing module lives in billing.config.json, so later areas import it from there
// (and a user who moves it can say so).
import { posix } from 'node:path';
import type { BillingConfig } from '../../config/types.js';
import { CONFIG_FILE } from '../../config/types.js';
import { modifyFile } from '../../plan/file-change.js';
import type { FileChange } from '../../plan/types.js';

export function planConfigRecord(pkgPath: string, text: string, config: BillingConfig, paths: BillingConfig['paths']): FileChange | null {
  const wanted = stripUndefined(paths);
  if (Object.entries(wanted).every(([key, value]) => config.paths[key as keyof BillingConfig['paths']] === value)) return null;
  const file = pkgPath === '.' ? CONFIG_FILE : posix.join(pkgPath, CONFIG_FILE);
  return modifyFile(file, text, (lf) => {
    // Edit the user's JSON, not the loader's view of it (which has schema defaults filled in).
    const raw = JSON.parse(lf) as Record<string, unknown>;
    const current = (raw.paths ?? {}) as Record<string, unknown>;
    raw.paths = { ...current, ...wanted };
    const indent = /^\{\n(\s+)"/.exec(lf)?.[1] ?? '  ';
    return `${JSON.stringify(raw, null, indent)}\n`;
  });
}

function stripUndefined(paths: BillingConfig['paths']): Record<string, string> {
  return Object.fromEntries(Object.entries(paths).filter(([, v]) => v !== undefined)) as Record<string, string>;
}
