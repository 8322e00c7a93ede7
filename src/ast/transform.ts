// Runs a jscodeshift-style transform inside the engine: our parser for the file's dialect, a reporter that
// collects skipped sites and manual steps as data, and the file's own style for what gets printed.
import { createRequire } from 'node:module';
import type { API, FileInfo, JSCodeshift } from 'jscodeshift';
import type { ManualStep, Skipped } from '../plan/types.js';
import { recastParserFor } from './parse.js';

// Required on the first edit, not imported: a run that plans nothing (most dry runs of a large monorepo's
// areas) never loads jscodeshift and recast, ~60 ms.
let engine: JSCodeshift | null = null;
const jscodeshift = (): JSCodeshift => (engine ??= createRequire(import.meta.url)('jscodeshift') as JSCodeshift);

/** How a transform tells the engine about sites it did not edit. Standalone jscodeshift runs print them. */
export interface Reporter {
  skip(line: number, reason: string): void;
  manual(line: number, message: string, snippet?: string): void;
  note(message: string): void;
  /** A site this run edited (or marked), by its key: the start offset of the node the site is known by. */
  site?(key: number, line: number): void;
}

/**
 * Which sites a run may edit, for verification: with `only`, every other site is left exactly as it is and
 * unreported; a `refused` site gets no edit, only its reason (the compiler's message) and one marker.
 */
export interface SiteFilter {
  only?: ReadonlySet<number>;
  refused?: ReadonlyMap<number, string>;
}

/** What a transform does with the site known by `key`: edit it, leave it untouched, or refuse it with a reason. */
export function siteVerdict(filter: SiteFilter | undefined, key: number): 'edit' | 'leave' | { refused: string } {
  const refused = filter?.refused?.get(key);
  if (refused !== undefined) return { refused };
  if (filter?.only && !filter.only.has(key)) return 'leave';
  return 'edit';
}

export interface TransformResult {
  /** New text, or null when the file does not change. */
  output: string | null;
  skipped: Skipped[];
  manual: ManualStep[];
  notes: string[];
  /** The sites the run edited or marked, by key (see SiteFilter). */
  sites: Array<{ key: number; line: number }>;
}

/** A transform; it returns a promise only in a standalone jscodeshift run, where it first works out its options. */
export type Transform<O> = (file: FileInfo, api: API, options: O & { reporter?: Reporter }) => string | null | undefined | Promise<string | null | undefined>;

export function runTransform<O>(transform: Transform<O>, path: string, source: string, options: O): TransformResult {
  const result: TransformResult = { output: null, skipped: [], manual: [], notes: [], sites: [] };
  const reporter: Reporter = {
    skip: (line, reason) => result.skipped.push({ path, line, reason }),
    manual: (line, message, snippet) => result.manual.push({ path, line, message, ...(snippet ? { snippet } : {}) }),
    note: (message) => result.notes.push(message),
    site: (key, line) => void (result.sites.some((s) => s.key === key) || result.sites.push({ key, line })),
  };
  const j = jscodeshift().withParser(recastParserFor(path));
  const api: API = { j, jscodeshift: j, stats: () => undefined, report: (msg: string) => result.notes.push(msg) };
  const out = transform({ path, source }, api, { ...options, reporter });
  if (out instanceof Promise) throw new Error(`${path}: the transform was not given its options`);
  result.output = out === null || out === undefined || out === source ? null : out;
  return result;
}

/** A reporter for standalone `jscodeshift -t` runs: one line per site on stderr via api.report. */
export function reporterFor(api: API, path: string, given?: Reporter): Reporter {
  if (given) return given;
  return {
    skip: (line, reason) => api.report(`${path}:${line}: skipped: ${reason}`),
    manual: (line, message) => api.report(`${path}:${line}: manual step: ${message}`),
    note: (message) => api.report(message),
  };
}
