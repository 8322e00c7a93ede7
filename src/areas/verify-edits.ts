// Verification of one area's edits before the plan is shown: the edited files (and the files that import
// them) are type-checked in memory, before and after. A file whose edits add a diagnostic has its sites
// tried one at a time; each site whose edit adds one is refused (left with the compiler's message and one
// marker) and the file's other edits stay. What was checked is reported on the plan.
import { posix } from 'node:path';
import { step } from '../perf/steps.js';
import { describeDiagnostic, EditVerifier, type Importers, type NewDiagnostic } from '../analysis/verify.js';
import { importersIn, importersOf } from '../analysis/importers.js';
import type { SiteFilter, TransformResult } from '../ast/transform.js';
import type { DetectedPackage } from '../detect/stack.js';
import type { Verification } from '../plan/types.js';
import { generateFor } from './client-setup/module-file.js';
import { billingModulePath } from './module-location.js';
import type { AreaContext } from './types.js';

/** One file's transform run: its LF text, the result, and how to run it again with a site filter. */
export interface FileRun {
  path: string;
  lf: string;
  result: TransformResult;
  rerun(filter: SiteFilter): TransformResult;
}

/** What transformFiles needs to type-check an area's edits. */
export interface Verify {
  /** Made on first use: a run with no edit to check loads no TypeScript. */
  verifier(): EditVerifier;
  pkg: DetectedPackage;
}

/**
 * The verification of an area's plan (null with --no-verify), with the billing module in place when
 * client-setup has not written it yet: its absence is not a reason to refuse an edit. `planned`: project
 * path -> text of files the plan writes that the edits import. Made before the area's analysis, so that a
 * type program the analysis builds has those files already (see TypeProgram.expectText).
 */
export function verifyFor(ctx: AreaContext, planned: ReadonlyMap<string, string> = new Map()): Verify | null {
  if (ctx.options.verify === false) return null;
  // Generated when a program is made: a run that makes none (no edit, no type question) never needs them.
  let overlays: ReadonlyMap<string, string> | undefined;
  const inPlace = () => (overlays ??= filesInPlace(ctx, planned));
  // In the program the analysis builds, if it builds one: the first check then needs no program of its own.
  ctx.pkg.ctx.expectTypeTexts(inPlace);
  let verifier: EditVerifier | undefined;
  // Loading TypeScript and reading the app's tsconfig, when the analysis has not, is the verification's time.
  return { verifier: () => (verifier ??= new EditVerifier(step('verify', () => ctx.pkg.ctx.typeProgram()), inPlace())), pkg: ctx.pkg };
}

/** The billing module when client-setup has not written it, and the files the plan itself creates (the costs module). */
function filesInPlace(ctx: AreaContext, planned: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  const { info } = ctx.pkg;
  const files = new Map(planned);
  if (!info.billing.module) files.set(posix.join(info.path, billingModulePath(info, ctx.config)), generateFor(info, ctx.config));
  return files;
}

/**
 * Checks the runs' edits, refusing the sites whose edits add diagnostics; the runs are updated in place.
 * Null when there is no edit to check (nothing was type-checked, so the plan has no verification line).
 */
export function verifyRuns(runs: FileRun[], verify: Verify): Verification | null {
  if (!runs.some((r) => r.result.output !== null)) return null;
  return step('verify', () => checkRuns(runs, verify.verifier(), verify.pkg));
}

function checkRuns(runs: FileRun[], verifier: EditVerifier, pkg: DetectedPackage): Verification {
  const started = performance.now();
  const edited = () => new Map(runs.filter((r) => r.result.output !== null).map((r) => [r.path, r.result.output as string]));
  // Searched only as far as asked (each search parses the files that may import it): whether a file has an
  // importer, then all of them only for a file whose exports an edit changes.
  const found = new Map<string, string[]>();
  const any = new Map<string, boolean>();
  const importers: Importers = {
    of: (path) => found.get(path) ?? found.set(path, importersOf(pkg.ctx, path)).get(path)!,
    any: (path) => {
      if (found.has(path)) return found.get(path)!.length > 0;
      if (!any.has(path)) any.set(path, !importersIn(pkg.ctx, path).next().done);
      return any.get(path)!;
    },
  };
  const first = edited();
  const added = verifier.check(first, first.keys(), importers);
  let refused = 0;
  for (const run of runs.filter((r) => blamed(r.path, added, importers))) refused += refuseFailingSites(run, verifier, edited, importers);
  const texts = edited();
  // Nothing found: the texts are the ones just checked, and checking them again builds the program again.
  const left = added.length === 0 || texts.size === 0 ? [] : verifier.check(texts, texts.keys(), importers);
  return { files: verifier.checkedFiles.size, newErrors: left.length, refused, settings: verifier.program.settingsFrom, ms: Math.round(performance.now() - started), ...(left.length ? { errors: left.map(describeDiagnostic) } : {}) };
}

/** Whether the new diagnostics point at this file: in it, or in a file that imports it. */
function blamed(path: string, found: NewDiagnostic[], importers: Importers): boolean {
  return found.some((d) => d.path === path || importers.of(path).includes(d.path));
}

/**
 * Tries each site of the file alone (the other files' edits in place); a site whose edit adds a diagnostic
 * is refused with the first one. Should the remaining sites still fail together, all of them are refused.
 */
function refuseFailingSites(run: FileRun, verifier: EditVerifier, edited: () => Map<string, string>, importers: Importers): number {
  const others = () => {
    const texts = edited();
    texts.delete(run.path);
    return texts;
  };
  const own = (path: string) => path === run.path || importers.of(run.path).includes(path);
  const ofThisFile: Importers = { any: (path) => path === run.path && importers.any(path), of: (path) => (path === run.path ? importers.of(path) : []) };
  const failures = (output: string | null) =>
    output === null ? [] : verifier.check(new Map([...others(), [run.path, output]]), [run.path], ofThisFile).filter((d) => own(d.path));
  const refused = new Map<number, string>();
  for (const site of run.result.sites) {
    const alone = run.rerun({ only: new Set([site.key]) });
    const [failure] = failures(alone.output);
    if (failure) refused.set(site.key, `the edit would not type-check: ${describeDiagnostic(failure)}`);
  }
  run.result = run.rerun({ refused });
  const [still] = failures(run.result.output);
  if (still) {
    for (const site of run.result.sites) if (!refused.has(site.key)) refused.set(site.key, `the edit would not type-check with the file's other edits: ${describeDiagnostic(still)}`);
    run.result = run.rerun({ refused });
    // Nothing left to refuse by site (an edit outside every site): the file is left as it was.
    if (failures(run.result.output).length) run.result = { ...run.result, output: null, skipped: [...run.result.skipped, { path: run.path, reason: `its edits would not type-check: ${describeDiagnostic(still)}` }] };
  }
  return refused.size;
}
