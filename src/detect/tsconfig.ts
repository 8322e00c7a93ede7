// Reads a package's tsconfig.json / jsconfig.json with TypeScript's own config reader, which
// follows `extends` chains (relative, package and array forms) and JSONC exactly as tsc does.
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { toPosix } from '../project/list-files.js';

export interface CompilerSettings {
  /** Which file the settings came from, relative to the package. */
  file: string;
  /** Alias patterns with targets relative to the package folder, `./`-prefixed. */
  aliases: Record<string, string[]>;
  module: string | null;
  moduleResolution: string | null;
}

import { loadTypeScript } from '../analysis/typescript.js';

export async function readCompilerSettings(pkgDir: string): Promise<CompilerSettings | null> {
  const file = ['tsconfig.json', 'jsconfig.json'].find((name) => existsSync(join(pkgDir, name)));
  if (!file) return null;
  const ts = loadTypeScript();
  const configPath = join(pkgDir, file);
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) return { file, aliases: {}, module: null, moduleResolution: null };
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(configPath), undefined, configPath);
  const options = parsed.options;
  const base = options.baseUrl ?? (options as { pathsBasePath?: string }).pathsBasePath ?? pkgDir;
  const aliases: Record<string, string[]> = {};
  for (const [pattern, targets] of Object.entries(options.paths ?? {})) {
    aliases[pattern] = targets.map((target) => {
      const rel = toPosix(relative(pkgDir, join(base, target)));
      return rel.startsWith('.') ? rel : `./${rel}`;
    });
  }
  const moduleName = options.module === undefined ? null : (ts.ModuleKind[options.module] ?? null);
  const resolution = options.moduleResolution === undefined ? null : (ts.ModuleResolutionKind[options.moduleResolution] ?? null);
  return { file, aliases, module: moduleName?.toLowerCase() ?? null, moduleResolution: resolution?.toLowerCase() ?? null };
}
