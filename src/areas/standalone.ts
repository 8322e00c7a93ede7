// A plain `jscodeshift -t dist/transforms/<area>.js <files>` run, started in the app's folder, hands a
// transform only its command-line flags. This works out what `billing-codemod apply` would hand it for each
// file — the same detection, config and package-wide facts (handlers routed from other files, helpers) —
// once per jscodeshift worker. The edit is the same; the plan-level report (notes, summary) is apply's.
import { relative, resolve } from 'node:path';
import { toPosix } from '../project/list-files.js';
import { findArea } from './registry.js';
import { configOf, openWorkspace, type Workspace } from './run.js';

const factories = new Map<string, Promise<{ ws: Workspace; optionsFor: Map<string, (file: string) => unknown> }>>();

/**
 * The options `apply <area>` would give the transform for `path` (as jscodeshift names it, relative to the
 * working folder), or null for a file outside every app package (a shared library in a monorepo).
 */
export async function standaloneOptions<O>(areaName: string, path: string, dir = process.cwd()): Promise<O | null> {
  const area = await findArea(areaName);
  if (!area?.fileOptions) throw new Error(`${areaName}: this area has no standalone options`);
  let pending = factories.get(dir);
  if (!pending) {
    pending = openWorkspace(dir).then((ws) => ({ ws, optionsFor: new Map() }));
    factories.set(dir, pending);
  }
  const { ws, optionsFor } = await pending;
  const file = toPosix(relative(ws.project.dir, resolve(dir, path)));
  const pkg = [...ws.packages].sort((a, b) => b.info.path.length - a.info.path.length).find((p) => p.info.path === '.' || file.startsWith(`${p.info.path}/`));
  if (!pkg) return null;
  const key = `${areaName}:${pkg.info.path}`;
  let forFile = optionsFor.get(key);
  if (!forFile) {
    forFile = area.fileOptions({ project: ws.project, pkg, config: configOf(ws, pkg), options: {} });
    optionsFor.set(key, forFile);
  }
  return forFile(file) as O;
}
