// Runs the project's own Prettier or Biome over the files a plan touches (only those), at plan time, so the
// preview shows exactly what will be written. A formatter that is configured but not installed is skipped.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileChange } from '../plan/types.js';

const FORMATTABLE = /\.(m|c)?(j|t)sx?$|\.json$/;

interface Prettier {
  format(text: string, options: Record<string, unknown>): Promise<string>;
  resolveConfig(file: string): Promise<Record<string, unknown> | null>;
}

export interface FormatResult {
  changes: FileChange[];
  /** Why formatting did not run, when it was wanted. */
  note?: string;
}

export async function formatChanges(rootDir: string, pkgDir: string, formatter: 'prettier' | 'biome' | null, changes: FileChange[]): Promise<FormatResult> {
  if (!formatter || changes.length === 0) return { changes };
  const format = formatter === 'prettier' ? await prettierFormatter(pkgDir) : biomeFormatter(pkgDir, rootDir);
  if (!format) return { changes, note: `${formatter} is configured but not installed here; touched files were not formatted` };
  const out: FileChange[] = [];
  for (const change of changes) {
    if (!FORMATTABLE.test(change.path)) {
      out.push(change);
      continue;
    }
    try {
      const after = await format(join(rootDir, change.path), change.after);
      out.push(after === change.before ? { ...change, after: change.before } : { ...change, after });
    } catch {
      out.push(change);
    }
  }
  return { changes: out.filter((c) => c.after !== c.before) };
}

async function prettierFormatter(pkgDir: string): Promise<((file: string, text: string) => Promise<string>) | null> {
  let entry: string;
  try {
    entry = createRequire(join(pkgDir, 'package.json')).resolve('prettier');
  } catch {
    return null;
  }
  const mod = (await import(pathToFileURL(entry).href)) as Prettier & { default?: Prettier };
  const prettier = mod.default ?? mod;
  return async (file, text) => {
    const config = (await prettier.resolveConfig(file)) ?? {};
    return prettier.format(text, { ...config, filepath: file });
  };
}

function biomeFormatter(pkgDir: string, rootDir: string): ((file: string, text: string) => Promise<string>) | null {
  let bin: string | null = null;
  for (let dir = pkgDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', '.bin', 'biome');
    if (existsSync(candidate)) {
      bin = candidate;
      break;
    }
    if (dir === rootDir || dirname(dir) === dir) break;
  }
  if (!bin) return null;
  const biome = bin;
  return async (file, text) => {
    const result = spawnSync(biome, ['format', `--stdin-file-path=${file}`], { input: text, encoding: 'utf8', cwd: pkgDir });
    if (result.status !== 0 || !result.stdout) throw new Error(result.stderr || 'biome failed');
    return result.stdout;
  };
}
