// detectStack: one PackageInfo per app package, plus the analysis state (parsed files, routes) that the
// areas reuse so a run parses each file at most once.
import { join } from 'node:path';
import type { BillingConfig } from '../config/types.js';
import { findRoutes } from '../frameworks/routes.js';
import type { RouteHandler } from '../frameworks/types.js';
import { filesIn, filesUnder } from '../project/file-index.js';
import { readProjectFile, type Project } from '../project/project.js';
import { findAccounts } from './accounts.js';
import { detectBillableCalls, mayHoldBillableCall } from './billable-calls.js';
import { createPackageContext, type PackageContext } from './package-context.js';
import {
  authOf, billingModuleOf, envFilesOf, existingBillingOf, formatterOf, linterOf, frameworkOf, importExtensionOf,
  installedVersion, languageOf, moduleOf, packageManagerOf, routerOf,
} from './package-facts.js';
import { allDependencies, findAppPackages, packageFolders, readPackageJson, workspacePackageDir, type FoundPackage, type PackageJson } from './packages.js';
import { detectSignupHandlers, namesSignupInText, SIGNUP_NAME } from './signup-handlers.js';
import { mayCreateUser } from './user-creation.js';
import { readCompilerSettings } from './tsconfig.js';
import type { PackageInfo, StackInfo } from './types.js';

export interface DetectedPackage {
  info: PackageInfo;
  ctx: PackageContext;
  /** Request handlers of the package (computed on first use). */
  routes(): RouteHandler[];
  /**
   * The handlers that may sign users up or create them: in a Next.js app only the route files whose own
   * text says so (or that re-export their handlers), so the customers area does not parse every route.
   */
  signupRoutes(): RouteHandler[];
}

// A Next.js handler is written in its route file, unless the file re-exports it (`export { GET, POST } from`).
const REEXPORTS = /\bexport\s*(?:\*|\{[^}]*\})\s*from\b/;
const maySignUp = (file: string, text: string) => mayCreateUser(text) || namesSignupInText(text) || SIGNUP_NAME.test(file) || REEXPORTS.test(text);

export interface DetectOptions {
  /** The config that applies to a package, when it has one (config-named billable calls). */
  configFor?: (pkgPath: string) => BillingConfig | null;
}

export async function detectPackages(project: Project, options: DetectOptions = {}): Promise<DetectedPackage[]> {
  const rootJson = readPackageJson(project, 'package.json');
  const out: DetectedPackage[] = [];
  const folders = packageFolders(project);
  for (const pkg of findAppPackages(project)) {
    const nested = folders.filter((p) => p !== pkg.path && (pkg.path === '.' || p.startsWith(`${pkg.path}/`)));
    out.push(await detectPackage(project, pkg, nested, rootJson, options));
  }
  return out;
}

/** One app package; `nested` are the folders of other packages inside it, whose files are not its own. */
async function detectPackage(project: Project, found: FoundPackage, nested: string[], rootJson: PackageJson | null, options: DetectOptions): Promise<DetectedPackage> {
  const pkgDir = join(project.dir, found.path);
  const deps = allDependencies(found.json);
  const framework = frameworkOf(deps);
  const settings = await readCompilerSettings(pkgDir, (name) => workspacePackageDir(project, name));
  const aliases = settings?.aliases ?? {};
  const config = options.configFor?.(found.path) ?? null;
  const ctx = createPackageContext(project, found.path, aliases, Object.keys(deps), config, nested);
  const language = languageOf(settings, ctx.sources);
  const module = moduleOf(found.json, framework, ctx.sources, language, settings);
  let routes: RouteHandler[] | null = null;
  const getRoutes = () => (routes ??= findRoutes(ctx, framework));
  // Detection asks routes two things: is one a signup, does one make a billable call. A Next.js route file's
  // text answers before a parse: the rest wait for an area.
  const detectionRoutes = () => (framework === 'next' ? findRoutes(ctx, framework, (file, text) => maySignUp(file, text) || mayHoldBillableCall(text, config)) : getRoutes());
  const info: PackageInfo = {
    path: found.path,
    name: found.json.name ?? null,
    framework,
    frameworkVersion: framework === 'unknown' ? null : installedVersion(pkgDir, project.dir, framework, deps[framework]),
    router: framework === 'next' ? routerOf(project, found.path) : null,
    language,
    module,
    srcDir: filesUnder(project, found.path === '.' ? 'src/' : `${found.path}/src/`).length > 0,
    aliases,
    importExtension: importExtensionOf(module, framework, language, settings, ctx.sources),
    packageManager: packageManagerOf(project, found.path, rootJson, found.json),
    auth: authOf(deps),
    envFiles: envFilesOf(project, found.path),
    formatter: formatterOf(project, found.path, rootJson, found.json),
    linter: linterOf(project, found.path, rootJson, found.json),
    billing: { existing: existingBillingOf(deps), module: billingModuleOf(ctx.sources) },
    blocklet: isBlocklet(project, found.path, deps),
    dependencies: Object.keys(deps).sort(),
    signupHandlers: [],
    billableCalls: [],
    accounts: { identity: null, guests: [], teams: null, ownKeys: [] },
    unparsed: [],
    skippedFiles: project.skipped
      .filter((s) => (found.path === '.' || s.path.startsWith(`${found.path}/`)) && !nested.some((n) => s.path.startsWith(`${n}/`)))
      .map((s) => ({ file: s.path, reason: s.reason })),
  };
  const handlers = detectionRoutes();
  info.signupHandlers = detectSignupHandlers(ctx, handlers);
  info.billableCalls = detectBillableCalls(ctx, handlers);
  if (info.auth === null && info.signupHandlers.length > 0) info.auth = 'custom';
  info.accounts = findAccounts(ctx.sources, schemaFiles(project, found.path), info.auth);
  if (!info.accounts.identity && info.signupHandlers.length > 0) info.accounts.identity = `signup in ${info.signupHandlers[0].file}`;
  info.unparsed = [...ctx.unparsed].map(([file, reason]) => ({ file, reason })).sort((a, b) => a.file.localeCompare(b.file));
  // The routes detection found, less those found only for a billable call: no second walk of the route files.
  const signupRoutes = () => (framework === 'next' ? handlers.filter((r) => maySignUp(r.file, ctx.text(r.file) ?? '')) : getRoutes());
  return { info, ctx, routes: getRoutes, signupRoutes };
}

/**
 * A Blocklet Server app (its blocklet.yml, or the Blocklet SDK among its dependencies): the only place
 * PaymentKit's SDK runs, since it signs each call with the blocklet's key.
 */
function isBlocklet(project: Project, pkgPath: string, deps: Record<string, string>): boolean {
  const prefix = pkgPath === '.' ? '' : `${pkgPath}/`;
  return '@blocklet/sdk' in deps || filesIn(project, prefix).some((name) => name === 'blocklet.yml' || name === 'blocklet.yaml');
}

/** Database schema files of the package (Prisma), where teams and organizations are declared. */
function schemaFiles(project: Project, pkgPath: string): Array<[string, string]> {
  const prefix = pkgPath === '.' ? '' : `${pkgPath}/`;
  return filesUnder(project, prefix).filter((f) => f.endsWith('.prisma')).flatMap((f) => {
    const text = readProjectFile(project, f);
    return text === null ? [] : [[f, text] as [string, string]];
  });
}

export async function detectStack(project: Project, options: DetectOptions = {}): Promise<StackInfo> {
  return { packages: (await detectPackages(project, options)).map((p) => p.info) };
}
