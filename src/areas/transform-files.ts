// The loop every code-editing area shares: run its transform on each candidate file (LF text in, the
// file's own line endings out) and gather edits, skipped sites and manual steps into the plan. A file
// that does not parse is skipped with its path and the parser's message; the others still go ahead.
import { ParseError, parseSource } from '../ast/parse.js';
import { runTransform, type SiteFilter, type Transform } from '../ast/transform.js';
import { modifyFile, toLf } from '../plan/file-change.js';
import type { Plan } from '../plan/types.js';
import type { Project } from '../project/project.js';
import { verifyRuns, type FileRun, type Verify } from './verify-edits.js';

/** A file whose first statement is the 'use client' directive: it is bundled for the browser. */
const USE_CLIENT = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"]use client['"]/;

export function transformFiles<O>(plan: Plan, project: Project, files: Iterable<string>, transform: Transform<O>, optionsFor: (file: string) => O, verify?: Verify | null): void {
  const runs: FileRun[] = [];
  for (const file of files) {
    const text = project.sources.get(file);
    if (text === undefined) continue;
    if (USE_CLIENT.test(text)) {
      // The billing module holds the API key: browser code never imports it, whatever the area.
      plan.skipped.push({ path: file, reason: "browser code ('use client'): the billing module must not be imported here; move the call to a server action or route" });
      continue;
    }
    const lf = toLf(text);
    const rerun = (sites: SiteFilter) => runTransform(transform, file, lf, { ...optionsFor(file), sites });
    try {
      runs.push({ path: file, lf, result: rerun({}), rerun });
    } catch (error) {
      if (!isSyntaxError(error)) throw error;
      plan.skipped.push({ path: file, reason: `does not parse: ${(error as Error).message.replace(/\s*\(\d+:\d+\)$/, '')}` });
    }
  }
  for (const run of runs) keepOnlyParsing(run);
  if (verify) plan.verification = verifyRuns(runs, verify.verifier, verify.pkg);
  for (const { path, result } of runs) {
    const output = result.output;
    const change = output === null ? null : modifyFile(path, project.sources.get(path) as string, () => output);
    if (change) plan.changes.push(change);
    plan.skipped.push(...result.skipped);
    plan.manual.push(...result.manual);
    for (const note of result.notes) if (!plan.notes.includes(note)) plan.notes.push(note);
  }
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
