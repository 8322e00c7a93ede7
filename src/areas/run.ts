// The shared front half of every command that plans: read the tree once, detect its packages, pick the
// package to work on, load its config, and plan an area (finished with the project's own formatter and linter).
import { statSync } from 'node:fs';
import { UsageError } from '../usage-error.js';
import { stepAsync } from '../perf/steps.js';
import { join } from 'node:path';
import { loadConfig } from '../config/load.js';
import type { BillingConfig } from '../config/types.js';
import { detectPackages, type DetectedPackage } from '../detect/stack.js';
import { emptyPlan, type FileChange, type Plan } from '../plan/types.js';
import { providerOf } from '../providers/registry.js';
import type { StyleTools } from '../style/finish.js';
import { billingModulePath } from './module-location.js';
import { mayHoldBillableCall } from '../detect/billable-calls.js';
import { loadProject, type Project } from '../project/project.js';
import type { Area, AreaOptions } from './types.js';

export { UsageError };

export interface Workspace {
  project: Project;
  packages: DetectedPackage[];
}

/** Reads and detects `dir`. Config files that fail to load are left out here; `configOf` reports them. */
export async function openWorkspace(dir: string): Promise<Workspace> {
  if (!isFolder(dir)) throw new UsageError(`${dir} is not a folder`);
  const project = await loadProject(dir);
  const configFor = (pkgPath: string): BillingConfig | null => {
    try {
      return loadConfig(join(project.dir, pkgPath));
    } catch {
      return null;
    }
  };
  return { project, packages: await stepAsync('detect', () => detectPackages(project, { configFor })) };
}

/** The package a command works on: the only app, or the one `--package` names. */
export function selectPackage(ws: Workspace, requested?: string): DetectedPackage {
  const wanted = requested?.replace(/^\.\//, '').replace(/\/$/, '') || undefined;
  if (wanted) {
    const pkg = ws.packages.find((p) => p.info.path === wanted);
    if (!pkg) throw new UsageError(`no app package at ${wanted}; found: ${ws.packages.map((p) => p.info.path).join(', ')}`);
    return pkg;
  }
  if (ws.packages.length > 1) {
    throw new UsageError(`this folder holds ${ws.packages.length} apps (${ws.packages.map((p) => p.info.path).join(', ')}); pick one with --package <path>`);
  }
  return ws.packages[0];
}

/** The package's config; throws UsageError telling the user to run init when there is none. */
export function configOf(ws: Workspace, pkg: DetectedPackage): BillingConfig {
  const config = loadConfig(join(ws.project.dir, pkg.info.path));
  if (!config) {
    const where = pkg.info.path === '.' ? '' : ` ${pkg.info.path}`;
    throw new UsageError(`no billing.config.json in ${pkg.info.path === '.' ? 'this app' : pkg.info.path}; run \`billing-codemod init${where} --yes\` first`);
  }
  return config;
}

export async function planArea(area: Area, ws: Workspace, pkg: DetectedPackage, config: BillingConfig, options: AreaOptions = {}): Promise<Plan> {
  // An area the provider cannot do changes nothing, and the plan says why.
  const unsupported = providerOf(config).unsupported(area.name, config);
  if (unsupported) return { ...emptyPlan(area.name, pkg.info.path), notes: [`${area.name} with ${providerOf(config).name}: ${unsupported}`] };
  const style = await stepAsync('format', () => styleToolsFor(ws, pkg, config));
  const plan = await stepAsync('plan', async () => area.plan({ project: ws.project, pkg, config, options, style }));
  reportFilesLeftOut(plan, pkg, config, area.name);
  const changes: FileChange[] = [];
  const created = plan.changes.filter((c) => c.action === 'create').map((c) => c.path);
  // Side by side: each file's formatter and linter runs are its own (the app's Biome is a process per run).
  const finished = await stepAsync('format', () => Promise.all(plan.changes.map((change) => style.finish(change, created))));
  for (const change of finished) if (change.after !== change.before) changes.push(change);
  return { ...plan, changes, notes: [...plan.notes, ...style.notes()] };
}

/** The package's formatter and linter, and the style new files are written in. */
async function styleToolsFor(ws: Workspace, pkg: DetectedPackage, config: BillingConfig): Promise<StyleTools> {
  // Loaded when a command plans, not when it only detects.
  const { lintSetupOf, openStyleTools } = await import('../style/finish.js');
  const pkgDir = join(ws.project.dir, pkg.info.path);
  const sample = pkg.ctx.sources
    .slice(0, 20)
    .map(([, text]) => text)
    .join('\n');
  return openStyleTools(ws.project.dir, pkgDir, lintSetupOf(ws.project.dir, pkgDir, pkg.info), join(pkgDir, billingModulePath(pkg.info, config)), sample);
}

/**
 * Every plan lists the package's files left out while reading it, and the ones that do not parse; an area
 * that bills calls cannot call itself done while a file it cannot read may hold one (exit 3, file named).
 */
function reportFilesLeftOut(plan: Plan, pkg: DetectedPackage, config: BillingConfig, area: string): void {
  const listed = new Set(plan.skipped.map((s) => `${s.path}\0${s.reason}`));
  const add = (path: string, reason: string) => {
    if (!listed.has(`${path}\0${reason}`) && !plan.skipped.some((s) => s.path === path && !s.line)) plan.skipped.push({ path, reason });
  };
  for (const s of pkg.info.skippedFiles) add(s.file, s.reason);
  for (const u of pkg.info.unparsed) add(u.file, `does not parse: ${u.reason}`);
  if (area !== 'usage-events' && area !== 'balance-gates') return;
  for (const u of pkg.info.unparsed) {
    const text = pkg.ctx.text(u.file) ?? '';
    if (mayHoldBillableCall(text, config)) plan.manual.push({ path: u.file, message: `${u.file} does not parse (${u.reason}), so the billable calls it may make cannot be seen or billed: fix it and run ${area} again` });
  }
}

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
