// Finds the app packages of a tree: the root, workspace members, and nested packages that declare a
// web framework. Libraries in a monorepo (ui kits, configs) are not apps and are left out.
import { join } from 'node:path';
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

const manifestsRead = new WeakMap<Project, Map<string, PackageJson>>();

/** Every readable package.json of the tree by folder (`.` for the root), read once per project. */
function manifests(project: Project): Map<string, PackageJson> {
  let found = manifestsRead.get(project);
  if (!found) {
    found = new Map();
    for (const file of project.files) {
      if (file !== 'package.json' && !file.endsWith('/package.json')) continue;
      const json = readPackageJson(project, file);
      if (json) found.set(file === 'package.json' ? '.' : file.slice(0, -'/package.json'.length), json);
    }
    manifestsRead.set(project, found);
  }
  return found;
}

/** The absolute folder of the repository's package named `name`. */
export function workspacePackageDir(project: Project, name: string): string | null {
  for (const [dir, json] of manifests(project)) if (json.name === name) return join(project.dir, dir);
  return null;
}

/**
 * Folders below the root that hold a package of their own: a package.json with a name or dependencies (a
 * `{ "type": "module" }` marker is not one). Their files belong to that package, not to the app around it:
 * a workspace root's express devDependency does not make the libraries beside it the root app's code.
 */
export function packageFolders(project: Project): string[] {
  return [...manifests(project)].filter(([dir, json]) => dir !== '.' && (typeof json.name === 'string' || !!json.dependencies || !!json.devDependencies || !!json.peerDependencies)).map(([dir]) => dir);
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
  const all = manifests(project);
  const rootJson = all.get('.') ?? null;
  const patterns = workspacePatterns(project, rootJson);
  const include = patterns.filter((p) => !p.startsWith('!'));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const isMember = include.length ? picomatch(include) : () => false;
  const isExcluded = exclude.length ? picomatch(exclude) : () => false;

  const found: FoundPackage[] = [];
  for (const [dir, json] of all) {
    const member = dir === '.' || (isMember(dir) && !isExcluded(dir));
    // Outside declared workspaces, a nested package still counts when it is plainly an app (server/, web/).
    const nestedApp = !member && !isExcluded(dir) && dir.split('/').length <= 3 && isApp(json);
    if ((member || nestedApp) && isApp(json)) found.push({ path: dir, json });
  }
  if (found.length > 0) return found;
  return [{ path: '.', json: rootJson ?? {} }];
}
