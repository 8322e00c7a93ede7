// Reads a package's tsconfig.json / jsconfig.json the way tsc does for what detection needs (path aliases,
// module, moduleResolution): JSONC, `extends` chains (relative, package and array forms, later entries
// winning), `paths` relative to `baseUrl` or else to the file that declares them. Its own small reader, not
// TypeScript's: loading the compiler costs more than the rest of `detect` on a small app.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { toPosix } from '../project/list-files.js';

export interface CompilerSettings {
  /** Which file the settings came from, relative to the package. */
  file: string;
  /** Alias patterns with targets relative to the package folder, `./`-prefixed. */
  aliases: Record<string, string[]>;
  module: string | null;
  moduleResolution: string | null;
}

/** The options detection reads, with the folders their relative paths are resolved from. */
interface Options {
  baseUrl?: string;
  paths?: Record<string, string[]>;
  pathsBase?: string;
  module?: string;
  moduleResolution?: string;
}

/** The folder of the repository's own package of that name, absolute (bases extended before an install). */
export type WorkspacePackages = (name: string) => string | null;

export async function readCompilerSettings(pkgDir: string, workspace: WorkspacePackages = () => null): Promise<CompilerSettings | null> {
  const file = ['tsconfig.json', 'jsconfig.json'].find((name) => existsSync(join(pkgDir, name)));
  if (!file) return null;
  const options = readChain(join(pkgDir, file), new Set(), workspace);
  if (options === null) return { file, aliases: {}, module: null, moduleResolution: null };
  const base = options.baseUrl ?? options.pathsBase ?? pkgDir;
  const aliases: Record<string, string[]> = {};
  for (const [pattern, targets] of Object.entries(options.paths ?? {})) {
    aliases[pattern] = targets.map((target) => {
      const rel = toPosix(relative(pkgDir, join(base, target)));
      return rel.startsWith('.') ? rel : `./${rel}`;
    });
  }
  return { file, aliases, module: options.module?.toLowerCase() ?? null, moduleResolution: options.moduleResolution?.toLowerCase() ?? null };
}

/** The options of `path` over those of everything it extends; null when the file itself cannot be read. */
function readChain(path: string, seen: Set<string>, workspace: WorkspacePackages): Options | null {
  if (seen.has(path)) return {};
  seen.add(path);
  let json: { extends?: unknown; compilerOptions?: Record<string, unknown> };
  try {
    json = parseJsonc(readFileSync(path, 'utf8')) as typeof json;
  } catch {
    return null;
  }
  const dir = dirname(path);
  let options: Options = {};
  const bases = typeof json.extends === 'string' ? [json.extends] : Array.isArray(json.extends) ? json.extends.filter((e): e is string => typeof e === 'string') : [];
  for (const base of bases) {
    const found = resolveExtends(base, dir, workspace);
    // A base tsc cannot find is an error for tsc; detection goes on with what it has.
    if (found) options = { ...options, ...(readChain(found, seen, workspace) ?? {}) };
  }
  const own = json.compilerOptions ?? {};
  if (typeof own.baseUrl === 'string') options.baseUrl = resolve(dir, own.baseUrl);
  if (own.paths && typeof own.paths === 'object') {
    options.paths = own.paths as Record<string, string[]>;
    options.pathsBase = dir;
  }
  if (typeof own.module === 'string') options.module = own.module;
  if (typeof own.moduleResolution === 'string') options.moduleResolution = own.moduleResolution;
  return options;
}

/**
 * tsc's lookup for `extends`: a path (with or without `.json`), else a package's file, `tsconfig.json` or its
 * `tsconfig` field, in node_modules; else (dependencies not installed) in the repository's package of that name.
 */
export function resolveExtends(spec: string, fromDir: string, workspace: WorkspacePackages = () => null): string | null {
  if (spec.startsWith('.') || isAbsolute(spec)) {
    const path = resolve(fromDir, spec);
    return [path, `${path}.json`].find((p) => existsSync(p) && !p.endsWith('/')) ?? null;
  }
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const found = inPackage(join(dir, 'node_modules', spec));
    if (found) return found;
    if (dirname(dir) === dir) break;
  }
  const name = spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
  const own = workspace(name);
  return own ? inPackage(join(own, spec.slice(name.length))) : null;
}

/** The config file `root` names: itself, with `.json`, its `tsconfig.json`, or its package's `tsconfig` field. */
function inPackage(root: string): string | null {
  const manifest = join(root, 'package.json');
  const field = existsSync(manifest) ? (safeJson(manifest) as { tsconfig?: string } | null)?.tsconfig : undefined;
  const candidates = [root, `${root}.json`, join(root, 'tsconfig.json'), ...(field ? [join(root, field)] : [])];
  return candidates.find((p) => existsSync(p) && p.endsWith('.json')) ?? null;
}

function safeJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** JSON with comments and trailing commas, as tsconfig files are written. */
export function parseJsonc(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end - 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
      out += ' ';
    } else out += c;
  }
  return JSON.parse(withoutTrailingCommas(out.replace(/^\uFEFF/, '')));
}

/** Drops a comma followed only by white space before `}` or `]` (outside strings). */
function withoutTrailingCommas(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end - 1;
    } else if (text[i] !== ',' || !/^\s*[}\]]/.test(text.slice(i + 1, i + 200))) out += text[i];
  }
  return out;
}

/** The index just past the string literal starting at `start`. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}
