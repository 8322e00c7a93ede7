// The loop every code-editing area shares: run its transform on each candidate file (LF text in, the
// file's own line endings out) and gather edits, skipped sites and manual steps into the plan. A file
// that does not parse is skipped with its path and the parser's message; the others still go ahead.
// Sites in code where billing cannot run (browser, edge, a module only browser code imports) are refused
// with the reason; an output that would not parse is never shown; then the edits are type-checked.
import { importersIn, IMPORTERS_LIMIT } from '../analysis/importers.js';
import { inPackage, runtimeOf, USE_SERVER, type RuntimeAnswer } from '../analysis/runtime.js';
import { ParseError, parseSource } from '../ast/parse.js';
import { runTransform, type SiteFilter, type Transform } from '../ast/transform.js';
import { modifyFile } from '../plan/file-change.js';
import { toAnalysisText } from '../plan/line-endings.js';
import type { Plan } from '../plan/types.js';
import type { AreaContext } from './types.js';
import { verifyRuns, type FileRun, type Verify } from './verify-edits.js';

export async function transformFiles<O>(plan: Plan, ctx: AreaContext, files: Iterable<string>, transform: Transform<O>, optionsFor: (file: string) => O, verify?: Verify | null): Promise<void> {
  const { project } = ctx;
  const runs: FileRun[] = [];
  for (const file of files) {
    const text = project.sources.get(file);
    if (text === undefined) continue;
    const lf = toAnalysisText(text);
    const rerun = (sites: SiteFilter) => runTransform(transform, file, lf, { ...optionsFor(file), sites });
    try {
      runs.push({ path: file, lf, result: rerun({}), rerun });
    } catch (error) {
      if (!isSyntaxError(error)) throw error;
      plan.skipped.push({ path: file, reason: `does not parse: ${(error as Error).message.replace(/\s*\(\d+:\d+\)$/, '')}` });
    }
  }
  await withLintFacts(runs, ctx);
  for (const run of runs) {
    refuseWhereBillingCannotRun(run, ctx);
    keepOnlyParsing(run);
  }
  const verification = verify ? verifyRuns(runs, verify) : null;
  if (verification) plan.verification = verification;
  for (const { path, result } of runs) {
    const output = result.output;
    const change = output === null ? null : modifyFile(path, project.sources.get(path) as string, () => output);
    if (change) plan.changes.push(change);
    if (change && ctx.options.listSites) (plan.sites ??= []).push(...editedSites(runs.find((r) => r.path === path)!));
    plan.skipped.push(...result.skipped);
    plan.manual.push(...result.manual);
    for (const note of result.notes) if (!plan.notes.includes(note)) plan.notes.push(note);
  }
}

/**
 * Edits read the app's lint facts (no-void, consistent-return) before its linter is loaded, as unset. With an
 * edit to write, the linter is loaded now (the edits are finished with it anyway, and the runs made again
 * while verifying read the real facts), and where a fact read as unset is set after all, the files are run
 * again. A run that writes nothing never loads it.
 */
async function withLintFacts(runs: FileRun[], ctx: AreaContext): Promise<void> {
  if (!ctx.style || !(ctx.style.lint.readEarly || runs.some((r) => r.result.output !== null))) return;
  await ctx.style.projectStyle();
  if (ctx.style.lint.differs()) for (const run of runs) run.result = run.rerun({});
}

/** The sites whose edit alone changes the file (a run reports every site it looked at, done ones too). */
function editedSites(run: FileRun): Array<{ path: string; line: number }> {
  return run.result.sites.filter((site) => run.rerun({ only: new Set([site.key]) }).output !== null).map((site) => ({ path: run.path, line: site.line }));
}

/**
 * The billing module never goes where it cannot run. A file with sites there is run again with every site
 * refused: each gets the reason, one marker and the manual step, and the file gets no import.
 */
function refuseWhereBillingCannotRun(run: FileRun, ctx: AreaContext): void {
  if (run.result.sites.length === 0) return;
  const where = placeOf(run, ctx);
  if (where.runtime === 'server') return;
  const reason = `${where.reason}; instead: ${where.instead}`;
  run.result = run.rerun({ refused: new Map(run.result.sites.map((s) => [s.key, reason])) });
}

function placeOf(run: FileRun, ctx: AreaContext): RuntimeAnswer {
  const { info } = ctx.pkg;
  const next = info.framework === 'next';
  const own = runtimeOf(inPackage(info.path, run.path), run.lf, next);
  // Server actions are imported by client components and still run on the server.
  if (own.runtime !== 'server' || !next || USE_SERVER.test(run.lf)) return own;
  // A module only browser code imports ends up in the browser bundle too. The first importer that is not
  // browser code answers (a module imported everywhere is not searched through).
  const browser: string[] = [];
  for (const file of importersIn(ctx.pkg.ctx, run.path)) {
    if (runtimeOf(inPackage(info.path, file), ctx.pkg.ctx.text(file) ?? '', next).runtime !== 'browser') return own;
    if (browser.push(file) >= IMPORTERS_LIMIT) break;
  }
  if (browser.length === 0) return own;
  return {
    runtime: 'browser',
    reason: `only browser code imports this module (${browser.slice(0, 3).join(', ')}${browser.length > 3 ? ', ...' : ''}), so it is bundled for the browser`,
    instead: 'call it from a server action or route handler, and bill there',
  };
}

/** An edit whose output would not parse is never shown: the file is left as it was, and said so. */
function keepOnlyParsing(run: FileRun): void {
  if (run.result.output === null) return;
  try {
    parseSource(run.path, run.result.output);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    run.result = { ...run.result, output: null, skipped: [...run.result.skipped, { path: run.path, reason: `left as it was: the edit would not parse (${error.reason}); this is a billing-codemod bug worth reporting` }] };
  }
}

/** Babel's parse errors are SyntaxErrors carrying a location. */
function isSyntaxError(error: unknown): boolean {
  return error instanceof SyntaxError && typeof (error as { loc?: unknown }).loc === 'object';
}
