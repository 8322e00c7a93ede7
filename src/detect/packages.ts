// Finds the app packages of a tree: the root, workspace members, and nested packages that declare a
// web framework. Libraries in a monorepo (ui kits, configs) are not apps and are left out.
import { dirname, join } from 'node:path';
import picomatch from 'picomatch';
import { readProjectFile, type Project } from '../project/project.js';

export interface PackageJson {
  name?: string;
  type?: string;
  packageManager?: string;
  workspaces?: string[] | { packages?: string[] };
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  prettier?: unknown;
  [key: string]: unknown;
}

export interface FoundPackage {
  /** Folder relative to the project (`.` for the root). */
  path: string;
  json: PackageJson;
}

export const FRAMEWORK_PACKAGES = ['next', 'express', 'fastify'] as const;

export function readPackageJson(project: Project, path: string): PackageJson | null {
  const text = readProjectFile(project, path);
  if (text === null) return null;
  try {
    return JSON.parse(text) as PackageJson;
  } catch {
    return null;
  }
}

const workspaceNames = new WeakMap<Project, Map<string, string>>();

/** The absolute folder of the repository's package named `name` (every package.json read once, on first ask). */
export function workspacePackageDir(project: Project, name: string): string | null {
  let names = workspaceNames.get(project);
  if (!names) {
    names = new Map();
    for (const file of project.files.filter((f) => f === 'package.json' || f.endsWith('/package.json'))) {
      const own = readPackageJson(project, file)?.name;
      if (typeof own === 'string' && !names.has(own)) names.set(own, join(project.dir, dirname(file)));
    }
    workspaceNames.set(project, names);
  }
  return names.get(name) ?? null;
}

export function allDependencies(json: PackageJson): Record<string, string> {
  return { ...json.peerDependencies, ...json.devDependencies, ...json.dependencies };
}

function isApp(json: PackageJson): boolean {
  const deps = allDependencies(json);
  return FRAMEWORK_PACKAGES.some((name) => name in deps);
}

function workspacePatterns(project: Project, root: PackageJson | null): string[] {
  const patterns: string[] = [];
  const ws = root?.workspaces;
  if (Array.isArray(ws)) patterns.push(...ws);
  else if (ws && Array.isArray(ws.packages)) patterns.push(...ws.packages);
  const pnpm = readProjectFile(project, 'pnpm-workspace.yaml');
  if (pnpm) {
    // Only the `packages:` list is needed; a YAML parser would be a dependency for three lines of syntax.
    let inPackages = false;
    for (const line of pnpm.split(/\r?\n/)) {
      const flow = /^packages\s*:\s*\[(.*)\]/.exec(line);
      // `packages: ['apps/*', 'packages/*']` on one line.
      if (flow) patterns.push(...flow[1].split(',').map((p) => p.trim().replace(/^['"]|['"]$/g, '')).filter(Boolean));
      else if (/^packages\s*:/.test(line)) inPackages = true;
      else if (/^\S/.test(line)) inPackages = false;
      else if (inPackages) {
        const m = /^\s*-\s*['"]?([^'"#]+?)['"]?\s*(#.*)?$/.exec(line);
        if (m) patterns.push(m[1]);
      }
    }
  }
  return patterns.map((p) => p.replace(/^\.\//, '').replace(/\/$/, ''));
}

/** App packages of the project; when none declares a framework, the root alone (framework unknown). */
export function findAppPackages(project: Project): FoundPackage[] {
  const rootJson = readPackageJson(project, 'package.json');
  const manifests = project.files.filter((f) => f.endsWith('package.json') && (f === 'package.json' || f.endsWith('/package.json')));
  const patterns = workspacePatterns(project, rootJson);
  const include = patterns.filter((p) => !p.startsWith('!'));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const isMember = include.length ? picomatch(include) : () => false;
  const isExcluded = exclude.length ? picomatch(exclude) : () => false;

  const found: FoundPackage[] = [];
  for (const manifest of manifests) {
    const dir = manifest === 'package.json' ? '.' : manifest.slice(0, -'/package.json'.length);
    const json = dir === '.' ? rootJson : readPackageJson(project, manifest);
    if (!json) continue;
    const member = dir === '.' || (isMember(dir) && !isExcluded(dir));
    // Outside declared workspaces, a nested package still counts when it is plainly an app (server/, web/).
    const nestedApp = !member && !isExcluded(dir) && dir.split('/').length <= 3 && isApp(json);
    if ((member || nestedApp) && isApp(json)) found.push({ path: dir, json });
  }
  if (found.length > 0) return found;
  return [{ path: '.', json: rootJson ?? {} }];
}
