// The app's own formatter and linter, loaded from its node_modules (never ours): Prettier and ESLint through
// their Node APIs, Biome through its binary. A tool the app configures but has not installed is reported,
// not replaced with a copy of our own, whose version and plugins would not be the app's.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface LintProblem {
  rule: string;
  message: string;
  line: number;
}

/** A formatter: the whole text, formatted as the app's config says. */
export type Format = (file: string, text: string) => Promise<string>;

export interface Linter {
  name: 'eslint' | 'biome';
  /** Problems in `text` as if it were `file` (fatal parse errors included, as rule `parse`). */
  check(file: string, text: string): Promise<LintProblem[]>;
  /** `text` with the linter's automatic fixes applied. */
  fix(file: string, text: string): Promise<string>;
  /** The resolved config for `file` (ESLint only): its rules, and the JS version its parser reads. */
  config?(file: string): Promise<{ rules: Record<string, unknown>; ecmaVersion: number | 'latest' | null }>;
}

function resolveFrom(dir: string, name: string): string | null {
  try {
    return createRequire(join(dir, 'package.json')).resolve(name);
  } catch {
    return null;
  }
}

interface PrettierApi {
  format(text: string, options: Record<string, unknown>): Promise<string>;
  resolveConfig(file: string, options?: { editorconfig?: boolean }): Promise<Record<string, unknown> | null>;
}

/** The app's Prettier, with its config resolved per file; null when it is not installed. */
export async function loadPrettier(pkgDir: string): Promise<{ format: Format; config(file: string): Promise<Record<string, unknown>> } | null> {
  const entry = resolveFrom(pkgDir, 'prettier');
  if (!entry) return null;
  const mod = (await import(pathToFileURL(entry).href)) as PrettierApi & { default?: PrettierApi };
  const prettier = mod.default ?? mod;
  // As Prettier's CLI does: .editorconfig counts where the Prettier config says nothing.
  const config = async (file: string) => (await prettier.resolveConfig(file, { editorconfig: true })) ?? {};
  return { config, format: async (file, text) => prettier.format(text, { ...(await config(file)), filepath: file }) };
}

/**
 * The app's Biome (its package or any folder up to the repository root); null when it has none. The native
 * binary its package installed is run directly: `node_modules/.bin/biome` is a Node script that starts Node
 * and runs `ldd` before it starts the binary, three processes for each call.
 */
export function biomeBinary(pkgDir: string, rootDir: string): string | null {
  for (let dir = pkgDir; ; dir = dirname(dir)) {
    const shim = join(dir, 'node_modules', '.bin', 'biome');
    if (existsSync(shim)) return nativeBiome(dir) ?? shim;
    if (dir === rootDir || dirname(dir) === dir) return null;
  }
}

/** The platform package's binary, resolved as Biome's own launcher does (BIOME_BINARY first). */
function nativeBiome(dir: string): string | null {
  if (process.env.BIOME_BINARY) return process.env.BIOME_BINARY;
  const name = `@biomejs/cli-${process.platform}-${process.arch}`;
  const biome = resolveFrom(dir, '@biomejs/biome/package.json');
  if (!biome) return null;
  const musl = process.platform === 'linux' && !(process.report.getReport() as { header?: { glibcVersionRuntime?: string } }).header?.glibcVersionRuntime;
  try {
    return createRequire(biome).resolve(`${name}${musl ? '-musl' : ''}/biome${process.platform === 'win32' ? '.exe' : ''}`);
  } catch {
    return null; // not installed for this platform: the launcher says so
  }
}

/** The app's tool cannot read the app's config (a config written for a newer version): no file will do better. */
export class ToolConfigError extends Error {}

/**
 * One Biome process; asynchronous, so the files of a plan are formatted and linted side by side (each run is
 * mostly Biome's start-up, ~30-90 ms, and a plan may run three per file).
 */
async function runBiome(bin: string, cwd: string, args: string[], input?: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const result = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(bin, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    // Biome may exit before reading all of stdin (a config it cannot read): that is its answer, not an error.
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? '');
  });
  if (result.status !== 0 && /configuration resulted in errors/.test(result.stderr)) {
    const where = /^(\S*biome\.jsonc?:\d+:\d+)/m.exec(result.stderr)?.[1];
    const what = /×\s*(.+)/.exec(result.stderr)?.[1]?.trim();
    throw new ToolConfigError(`biome cannot read its configuration${where ? ` (${basename(where)}: ${what ?? 'error'})` : ''}`);
  }
  return result;
}

/** Biome's formatter alone (`biome format`). */
export function biomeFormat(bin: string, pkgDir: string): Format {
  return async (file, text) => {
    const result = await runBiome(bin, pkgDir, ['format', `--stdin-file-path=${file}`], text);
    if (result.status !== 0 || !result.stdout) throw new Error(result.stderr || 'biome format failed');
    return result.stdout;
  };
}

/**
 * Biome as a linter: `check --write` from stdin applies its safe fixes (and import sorting); problems are read
 * from a copy in a temp folder linted with the app's config, since Biome reports none for stdin.
 */
export function biomeLinter(bin: string, pkgDir: string): Linter {
  return {
    name: 'biome',
    async fix(file, text) {
      const result = await runBiome(bin, pkgDir, ['check', '--write', `--stdin-file-path=${file}`], text);
      if (result.status !== 0 || !result.stdout) throw new Error(result.stderr || 'biome check failed');
      return result.stdout;
    },
    async check(file, text) {
      const dir = mkdtempSync(join(tmpdir(), 'billing-codemod-biome-'));
      try {
        const copy = join(dir, basename(file));
        writeFileSync(copy, text);
        const result = await runBiome(bin, pkgDir, ['lint', `--config-path=${pkgDir}`, '--reporter=json', '--max-diagnostics=200', copy]);
        const line = result.stdout.split('\n').find((l) => l.startsWith('{'));
        if (!line) throw new Error(result.stderr.split('\n')[0] || 'biome lint printed no report');
        const report = JSON.parse(line) as { diagnostics?: Array<{ category?: string; message?: string; location?: { start?: { line?: number } } }> };
        return (report.diagnostics ?? []).map((d) => ({ rule: d.category ?? 'biome', message: d.message ?? '', line: d.location?.start?.line ?? 0 }));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

interface EslintMessage {
  ruleId: string | null;
  message: string;
  line?: number;
  fatal?: boolean;
  severity: number;
}
interface EslintInstance {
  lintText(text: string, options: { filePath: string }): Promise<Array<{ messages: EslintMessage[]; output?: string }>>;
  calculateConfigForFile(file: string): Promise<EslintConfig | undefined>;
}
interface EslintConfig {
  rules?: Record<string, unknown>;
  languageOptions?: { ecmaVersion?: number | 'latest'; parser?: unknown };
  parserOptions?: { ecmaVersion?: number | 'latest' };
  parser?: string | null;
}
type EslintClass = new (options: Record<string, unknown>) => EslintInstance;

/**
 * Where ESLint is told a text lives. A new file is not on disk yet, and plugins that read the files around
 * it (eslint-plugin-import's resolver) fail on a path that does not exist; an existing file of the same folder
 * and extension resolves the same imports under the same config, so the new text is linted as if there.
 */
function lintPath(file: string): string {
  if (existsSync(file)) return file;
  const dir = dirname(file);
  const ext = extname(file);
  try {
    const sibling = readdirSync(dir).find((name) => extname(name) === ext && !name.endsWith(`.d${ext}`) && statSync(join(dir, name)).isFile());
    return sibling ? join(dir, sibling) : file;
  } catch {
    return file;
  }
}

/**
 * The app's ESLint with its own config (flat or legacy, whichever that version picks for the folder). Only
 * errors and warnings that come from rules count; "file ignored" warnings are no problem.
 */
export async function loadEslint(pkgDir: string): Promise<Linter | null> {
  const entry = resolveFrom(pkgDir, 'eslint');
  if (!entry) return null;
  const mod = (await import(pathToFileURL(entry).href)) as { ESLint?: EslintClass; loadESLint?: (o: { cwd: string }) => Promise<EslintClass>; default?: { ESLint?: EslintClass } };
  const Class = mod.loadESLint ? await mod.loadESLint({ cwd: pkgDir }) : (mod.ESLint ?? mod.default?.ESLint);
  if (!Class) return null;
  const checker = new Class({ cwd: pkgDir });
  const fixer = new Class({ cwd: pkgDir, fix: true });
  return {
    name: 'eslint',
    async check(file, text) {
      const [result] = await checker.lintText(text, { filePath: lintPath(file) });
      return (result?.messages ?? [])
        .filter((m) => m.ruleId || m.fatal)
        .map((m) => ({ rule: m.ruleId ?? 'parse', message: m.message, line: m.line ?? 0 }));
    },
    async fix(file, text) {
      const [result] = await fixer.lintText(text, { filePath: lintPath(file) });
      return result?.output ?? text;
    },
    async config(file) {
      const config = await checker.calculateConfigForFile(file);
      // A parser other than ESLint's own (TypeScript's, Babel's) reads modern syntax whatever ecmaVersion says.
      const ownParser = !config?.parser && !(config?.languageOptions?.parser as { meta?: { name?: string } } | undefined)?.meta?.name?.match(/typescript|babel/);
      const raw = config?.languageOptions?.ecmaVersion ?? config?.parserOptions?.ecmaVersion ?? null;
      const ecmaVersion = !ownParser || raw === null || raw === 'latest' ? raw : raw < 2015 ? raw + 2009 : raw;
      return { rules: config?.rules ?? {}, ecmaVersion: ownParser ? ecmaVersion : 'latest' };
    },
  };
}
