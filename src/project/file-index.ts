// Lookups in a project's file list by folder, for facts asked once per app package (router folders, config
// files): a sorted copy searched by prefix, and each folder's own files, instead of a scan of every file per
// question (a monorepo has thousands of files and dozens of packages).
import type { Project } from './project.js';

interface Index {
  sorted: string[];
  children: Map<string, string[]>;
}

const indexes = new WeakMap<Project, Index>();

function indexOf(project: Project): Index {
  let index = indexes.get(project);
  if (!index) indexes.set(project, (index = { sorted: [...project.files].sort(), children: new Map() }));
  return index;
}

/** Every file under `dir` (`''` for the root, else a folder path ending in `/`), at any depth. */
export function filesUnder(project: Project, dir: string): string[] {
  const { sorted } = indexOf(project);
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < dir) low = mid + 1;
    else high = mid;
  }
  const out: string[] = [];
  for (let i = low; i < sorted.length && sorted[i]!.startsWith(dir); i++) out.push(sorted[i]!);
  return out;
}

/**
 * Source files under a package folder (`.` for the root), as [path, text] pairs, in the listing's order;
 * `keep` leaves paths out before their text is read (a file not yet decoded stays so).
 */
export function sourcesUnder(project: Project, pkgPath: string, keep: (path: string) => boolean = () => true): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const path of filesUnder(project, pkgPath === '.' ? '' : `${pkgPath}/`)) {
    if (!keep(path)) continue;
    const text = project.sources.get(path);
    if (text !== undefined) out.push([path, text]);
  }
  return out;
}

/** The names of the files directly in `dir` (`''` for the root, else a folder path ending in `/`). */
export function filesIn(project: Project, dir: string): string[] {
  const { children } = indexOf(project);
  let names = children.get(dir);
  if (!names) children.set(dir, (names = filesUnder(project, dir).map((f) => f.slice(dir.length)).filter((name) => !name.includes('/'))));
  return names;
}
