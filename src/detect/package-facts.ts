// The plain facts of one package that need no parsing: framework and version, router, language,
// module system, package manager, env files, formatter, auth and billing libraries.
import { filesIn, filesUnder } from '../project/file-index.js';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AuthLibrary, Framework, PackageInfo, Router } from './types.js';
import { allDependencies, type PackageJson } from './packages.js';
import type { Project } from '../project/project.js';
import type { CompilerSettings } from './tsconfig.js';

const ENV_FILE_NAMES = [
  '.env.example', '.env.local.example', '.env.sample', '.env.template', '.env.dist',
  '.env', '.env.local', '.env.development', '.env.development.local', '.env.production', '.env.test',
];

/** Billing libraries worth reporting when already installed. */
const BILLING_PACKAGES: Array<[RegExp, string]> = [
  [/^stripe$|^@stripe\//, 'stripe'],
  [/^@lemonsqueezy\//, 'lemonsqueezy'],
  [/^@paddle\//, 'paddle'],
  [/^@polar-sh\//, 'polar'],
  [/^@getlago\/|^lago-javascript-client$/, 'lago'],
  [/^@metronome\//, 'metronome'],
  [/^@orb-?\w*\/|^orb-billing$/, 'orb'],
  [/^@credyt\//, 'credyt'],
  [/^@paymentkit\//, 'paymentkit'],
];

const AUTH_PACKAGES: Array<[RegExp, Exclude<AuthLibrary, null | 'custom'>]> = [
  [/^next-auth$|^@auth\/(core|nextjs|express)$/, 'next-auth'],
  [/^better-auth$/, 'better-auth'],
  [/^@clerk\//, 'clerk'],
  [/^lucia$|^@lucia-auth\//, 'lucia'],
  [/^@supabase\/(ssr|auth-helpers-nextjs|supabase-js|auth-js)$/, 'supabase'],
  [/^passport$|^@fastify\/passport$/, 'passport'],
];

/** Packages that show an app runs its own sign-in: password hashing, sessions, tokens. */
const CUSTOM_AUTH_HINTS = /^(bcrypt|bcryptjs|argon2|@node-rs\/(argon2|bcrypt)|jsonwebtoken|jose|express-session|cookie-session|iron-session|@fastify\/(jwt|session|secure-session|cookie))$/;

export function frameworkOf(deps: Record<string, string>): Framework {
  if ('next' in deps) return 'next';
  if ('fastify' in deps) return 'fastify';
  if ('express' in deps) return 'express';
  return 'unknown';
}

/** The installed version when node_modules has it, else the declared range without its operator. */
export function installedVersion(pkgDir: string, rootDir: string, name: string, declared: string | undefined): string | null {
  for (let dir = pkgDir; ; dir = dirname(dir)) {
    const manifest = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(manifest)) {
      try {
        return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version ?? null;
      } catch {
        break;
      }
    }
    if (dir === rootDir || dirname(dir) === dir) break;
  }
  return declared ? declared.replace(/^[\^~>=<v\s]+/, '') : null;
}

export function routerOf(project: Project, pkgPath: string): Router {
  const prefix = pkgPath === '.' ? '' : `${pkgPath}/`;
  const has = (dir: string, file: RegExp) => filesUnder(project, prefix + dir).some((f) => file.test(f.slice(prefix.length + dir.length)));
  const app = has('app/', /(^|\/)(page|route|layout)\.[jt]sx?$/) || has('src/app/', /(^|\/)(page|route|layout)\.[jt]sx?$/);
  const pages = has('pages/', /\.[jt]sx?$/) || has('src/pages/', /\.[jt]sx?$/);
  return app && pages ? 'app+pages' : app ? 'app' : pages ? 'pages' : null;
}

/** TypeScript when a tsconfig.json says so, else whichever the package's own source files mostly are. */
export function languageOf(settings: CompilerSettings | null, sources: Array<[string, string]>): 'ts' | 'js' {
  if (settings?.file === 'tsconfig.json') return 'ts';
  let ts = 0;
  let js = 0;
  for (const [path] of sources) {
    if (TS_FILE.test(path)) ts++;
    else js++;
  }
  return ts > js ? 'ts' : 'js';
}

const TS_FILE = /\.[cm]?tsx?$/;

/**
 * The module system the app is written in. `type: module` and Next.js (always authored as ESM) are ESM;
 * otherwise the files decide: ESM syntax with no `require` anywhere is ESM (bundled or transpiled). In a
 * TypeScript app only .ts files count: its jest.config.js or .eslintrc.cjs say nothing about the app.
 */
export function moduleOf(json: PackageJson, framework: Framework, sources: Array<[string, string]>, language: 'ts' | 'js' = 'js', settings: CompilerSettings | null = null): 'esm' | 'cjs' {
  if (json.type === 'module' || framework === 'next') return 'esm';
  // TypeScript is written with import/export either way; what it compiles to decides how the app runs.
  // Without "type": "module", commonjs and node16/nodenext output CommonJS; es20xx/esnext output ESM.
  if (language === 'ts' && settings?.module) {
    if (/^(commonjs|node\d+|nodenext)$/.test(settings.module)) return 'cjs';
    if (/^(es\d+|esnext|preserve)$/.test(settings.module)) return 'esm';
  }
  // One CommonJS file answers; ESM needs one ESM file and none in CommonJS.
  let esm = false;
  const own = language === 'ts' && sources.some(([path]) => TS_FILE.test(path)) ? sources.filter(([path]) => TS_FILE.test(path)) : sources;
  for (const [path, text] of own) {
    if (path.endsWith('.mjs') || path.endsWith('.mts')) esm = true;
    else if (path.endsWith('.cjs') || path.endsWith('.cts') || /\brequire\(\s*['"]|\bmodule\.exports\b/.test(text)) return 'cjs';
    else if (!esm && /^\s*(import\s[\s\S]*?from\s|export\s)/m.test(text)) esm = true;
  }
  return esm ? 'esm' : 'cjs';
}

/** Whether relative imports must spell `.js`: Node's own ESM loader, or TypeScript's node16/nodenext. */
export function importExtensionOf(module: 'esm' | 'cjs', framework: Framework, language: 'ts' | 'js', settings: CompilerSettings | null, sources: Array<[string, string]>): '.js' | '' {
  if (module !== 'esm' || framework === 'next') return '';
  if (language === 'ts') {
    const resolution = settings?.moduleResolution ?? settings?.module ?? '';
    if (/^node(16|18|next)$/.test(resolution)) return '.js';
    if (resolution === 'bundler') return '';
  }
  // No compiler setting to go on: follow what the code already does.
  let withExt = 0;
  let without = 0;
  for (const [, text] of sources) {
    for (const m of text.matchAll(/from\s+['"](\.\.?\/[^'"]+)['"]/g)) {
      if (/\.(js|mjs|cjs|ts|mts|cts)$/.test(m[1])) withExt++;
      else without++;
    }
  }
  if (withExt + without === 0) return language === 'js' ? '.js' : '';
  return withExt >= without ? '.js' : '';
}

export function packageManagerOf(project: Project, pkgPath: string, rootJson: PackageJson | null, json: PackageJson): PackageInfo['packageManager'] {
  const declared = (json.packageManager ?? rootJson?.packageManager)?.split('@')[0];
  if (declared === 'pnpm' || declared === 'yarn' || declared === 'bun' || declared === 'npm') return declared;
  const locks: Array<[string, PackageInfo['packageManager']]> = [
    ['pnpm-lock.yaml', 'pnpm'], ['yarn.lock', 'yarn'], ['bun.lockb', 'bun'], ['bun.lock', 'bun'], ['package-lock.json', 'npm'],
  ];
  const dirs = pkgPath === '.' ? [''] : [`${pkgPath}/`, ''];
  for (const dir of dirs) {
    for (const [file, pm] of locks) if (existsSync(join(project.dir, dir + file))) return pm;
  }
  return 'npm';
}

/** Env files of the package, relative to the detected directory like every other path in StackInfo. */
/** `.env`, `.env.local`, `.env.production`, `.env.example`, `.example.env`, `.env.local.example`, ... */
const ENV_FILE = /^\.env(\.[\w.-]+)?$|^\.[\w-]+\.env$/;

export function envFilesOf(project: Project, pkgPath: string): string[] {
  const prefix = pkgPath === '.' ? '' : `${pkgPath}/`;
  // Read from the folder, not the file list: .env files are usually git-ignored and still matter.
  let names: string[];
  try {
    names = readdirSync(join(project.dir, pkgPath)).filter((name) => ENV_FILE.test(name));
  } catch {
    names = ENV_FILE_NAMES.filter((name) => existsSync(join(project.dir, prefix + name)));
  }
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).map((name) => prefix + name);
}

/** Known names first, in their usual order; others after. */
function rank(name: string): number {
  const i = ENV_FILE_NAMES.indexOf(name);
  return i === -1 ? ENV_FILE_NAMES.length : i;
}

export function formatterOf(project: Project, pkgPath: string, rootJson: PackageJson | null, json: PackageJson): PackageInfo['formatter'] {
  const deps = { ...allDependencies(rootJson ?? {}), ...allDependencies(json) };
  const prefixes = pkgPath === '.' ? [''] : [`${pkgPath}/`, ''];
  const hasFile = (re: RegExp) => prefixes.some((p) => filesIn(project, p).some((name) => re.test(name)));
  if ('@biomejs/biome' in deps || hasFile(/^biome\.jsonc?$/)) return 'biome';
  if ('prettier' in deps || json.prettier !== undefined || rootJson?.prettier !== undefined || hasFile(/^(\.prettierrc(\.\w+)?|prettier\.config\.[cm]?[jt]s)$/)) return 'prettier';
  return null;
}

export function linterOf(project: Project, pkgPath: string, rootJson: PackageJson | null, json: PackageJson): PackageInfo['linter'] {
  const prefixes = pkgPath === '.' ? [''] : [`${pkgPath}/`, ''];
  const hasFile = (re: RegExp) => prefixes.some((p) => filesIn(project, p).some((name) => re.test(name)));
  if (json.eslintConfig !== undefined || rootJson?.eslintConfig !== undefined || hasFile(/^(eslint\.config\.[cm]?[jt]s|\.eslintrc(\.(js|cjs|json|ya?ml))?)$/)) return 'eslint';
  if (hasFile(/^biome\.jsonc?$/)) return 'biome';
  return null;
}

export function authOf(deps: Record<string, string>): AuthLibrary {
  const names = Object.keys(deps);
  for (const [re, lib] of AUTH_PACKAGES) if (names.some((name) => re.test(name))) return lib;
  return names.some((name) => CUSTOM_AUTH_HINTS.test(name)) ? 'custom' : null;
}

export function existingBillingOf(deps: Record<string, string>): string[] {
  const found = new Set<string>();
  for (const name of Object.keys(deps)) for (const [re, label] of BILLING_PACKAGES) if (re.test(name)) found.add(label);
  return [...found].sort();
}

// The module's own marker: the routes and components other areas generate have markers too, and are not it.
export const MODULE_MARKER = 'Generated by billing-codemod (client-setup)';

/** The billing module this toolkit generated earlier, found by its marker comment. */
export function billingModuleOf(sources: Array<[string, string]>): string | null {
  const hit = sources.find(([, text]) => text.slice(0, 400).includes(MODULE_MARKER));
  return hit ? hit[0] : null;
}
