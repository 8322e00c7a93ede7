// Shows a plan (diff + summary, or JSON) and writes it when asked: --yes, or a confirm in a terminal.
// Without a terminal and without --yes, nothing is written and the output says how to write.
import { confirm, isCancel } from '@clack/prompts';
import pc from 'picocolors';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { dirtyFiles, gitTop } from '../apply/git.js';
import { WriteError, writeChanges } from '../apply/write.js';
import { CONFIG_FILE } from '../config/types.js';
import { planToJson, renderDiffs, renderSummary } from '../plan/render.js';
import { hasManualSteps, type Plan } from '../plan/types.js';
import { EXIT, interactive } from './exit.js';

export interface WriteFlags {
  yes?: boolean;
  dryRun?: boolean;
  json?: boolean;
  allowDirty?: boolean;
}

export async function presentAndWrite(plan: Plan, dir: string, flags: WriteFlags): Promise<number> {
  const out = (s: string) => process.stdout.write(`${s}\n`);
  const colour = Boolean(process.stdout.isTTY) && !flags.json;
  const doneCode = hasManualSteps(plan) ? EXIT.manual : EXIT.ok;
  const wantsWrite = plan.changes.length > 0 && !flags.dryRun && (flags.yes || (!flags.json && interactive()));

  if (!flags.json) {
    if (plan.changes.length) out(renderDiffs(plan, colour));
    out(renderSummary(plan, colour));
  }
  if (wantsWrite && !flags.allowDirty) {
    // The package's own config is expected to change between runs (init, then edits to estimates): exactly
    // that file is let through, not every file whose name ends the same way.
    const config = resolve(dir, plan.package, CONFIG_FILE);
    const top = gitTop(dir);
    const dirty = dirtyFiles(dir)?.filter((f) => !top || realpathOr(resolve(top, f)) !== realpathOr(config)) ?? null;
    if (dirty === null) process.stderr.write(`${pc.yellow('warning')} not a git repository: review the changes carefully, there is no undo\n`);
    else if (dirty.length) {
      const list = dirty.slice(0, 20).map((f) => `  ${f}`).join('\n');
      const more = dirty.length > 20 ? `\n  ... and ${dirty.length - 20} more` : '';
      if (flags.json) out(JSON.stringify({ ...planToJson(plan), written: false, error: 'dirty git tree', dirty }, null, 2));
      process.stderr.write(`${pc.red('error')} the git tree has uncommitted changes; commit or stash them first (or pass --allow-dirty):\n${list}${more}\n`);
      return EXIT.failure;
    }
  }
  let write = wantsWrite && flags.yes === true;
  if (wantsWrite && !flags.yes) {
    const answer = await confirm({ message: `Write ${plan.changes.length} file(s)?` });
    write = !isCancel(answer) && answer === true;
  }
  if (write) {
    try {
      writeChanges(dir, plan.changes);
    } catch (error) {
      if (!(error instanceof WriteError)) throw error;
      // --json callers still get the plan they asked for, with what went wrong.
      if (flags.json) out(JSON.stringify({ ...planToJson(plan), written: false, error: error.message, ...(error.unrestored.length ? { unrestored: error.unrestored } : {}) }, null, 2));
      process.stderr.write(`${pc.red('error')} ${error.message}\n`);
      return EXIT.failure;
    }
  }
  if (flags.json) {
    out(JSON.stringify({ ...planToJson(plan), written: write }, null, 2));
    return doneCode;
  }
  if (write) out(pc.green(`Wrote ${plan.changes.length} file(s).`));
  else if (plan.changes.length && flags.dryRun) out('Dry run: nothing written.');
  else if (plan.changes.length && !flags.yes && !interactive()) out('Nothing written (no terminal to confirm in). Re-run with --yes to write these changes.');
  else if (plan.changes.length) out('Nothing written.');
  return doneCode;
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
