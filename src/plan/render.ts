// Pure renderers from a Plan: unified diffs (plain or coloured), a human summary, and the JSON shape
// that `--json` prints.
import { createTwoFilesPatch } from 'diff/lib/patch/create.js';
import pc from 'picocolors';
import type { FileChange, Plan, Verification } from './types.js';

export function unifiedDiff(change: FileChange): string {
  const from = change.action === 'create' ? '/dev/null' : `a/${change.path}`;
  const patch = createTwoFilesPatch(from, `b/${change.path}`, change.before ?? '', change.after, undefined, undefined, { context: 3 });
  // The library prints an `Index:`-less header starting with `===`; keep the git-style part only.
  return patch.replace(/^={3,}\n/m, '');
}

export function colourDiff(diff: string): string {
  return diff
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return pc.bold(line);
      if (line.startsWith('+')) return pc.green(line);
      if (line.startsWith('-')) return pc.red(line);
      if (line.startsWith('@@')) return pc.cyan(line);
      return line;
    })
    .join('\n');
}

export function renderDiffs(plan: Plan, colour: boolean): string {
  return plan.changes.map((c) => (colour ? colourDiff(unifiedDiff(c)) : unifiedDiff(c))).join('\n');
}

const where = (path?: string, line?: number) => (path ? `${path}${line ? `:${line}` : ''}` : '');

export function renderSummary(plan: Plan, colour: boolean): string {
  const c = colour ? pc : { bold: (s: string) => s, yellow: (s: string) => s, dim: (s: string) => s, green: (s: string) => s };
  const lines: string[] = [];
  const created = plan.changes.filter((ch) => ch.action === 'create').length;
  const modified = plan.changes.length - created;
  const pkg = plan.package === '.' ? '' : ` (${plan.package})`;
  lines.push(c.bold(`${plan.area}${pkg}: ${plan.changes.length === 0 ? 'nothing to change' : `${created} file(s) to create, ${modified} to modify`}`));
  for (const ch of plan.changes) lines.push(`  ${ch.action === 'create' ? c.green('create') : 'modify'} ${ch.path}`);
  if (plan.routes?.length) lines.push(`  routes: ${plan.routes.map((r) => `${r.method} ${r.path} (${r.purpose})`).join(', ')}`);
  if (plan.env.length) lines.push(`  env: ${plan.env.map((e) => `${e.name} (${e.file})`).join(', ')}`);
  if (plan.dependencies.length) lines.push(`  dependencies: ${plan.dependencies.map((d) => `${d.name}@${d.version} (${d.reason})`).join(', ')}`);
  if (plan.skipped.length) {
    lines.push(c.yellow(`  skipped (${plan.skipped.length}):`));
    for (const s of plan.skipped) lines.push(`    ${where(s.path, s.line)}: ${s.reason}`);
  }
  if (plan.manual.length) {
    lines.push(c.yellow(`  manual steps (${plan.manual.length}):`));
    for (const m of plan.manual) {
      lines.push(`    ${m.path ? `${where(m.path, m.line)}: ` : ''}${m.message}`);
      if (m.snippet) lines.push(...m.snippet.split('\n').map((l) => c.dim(`      ${l}`)));
    }
  }
  for (const note of plan.notes) lines.push(c.dim(`  note: ${note}`));
  if (plan.verification) lines.push(verificationLine(plan.verification));
  return lines.join('\n');
}

/** `verified with tsc: 4 files, 0 new errors (tsconfig.json, 1.2 s)`, and what was left out for it. */
export function verificationLine(v: Verification): string {
  const refused = v.refused ? `; ${v.refused} site(s) left out because their edit would not type-check` : '';
  const errors = (v.errors ?? []).map((e) => `\n    ${e}`).join('');
  return `  verified with tsc: ${v.files} file(s), ${v.newErrors} new error(s) (${v.settings}, ${(v.ms / 1000).toFixed(1)} s)${refused}${errors}`;
}

export interface PlanJson {
  area: string;
  package: string;
  changes: Array<{ path: string; action: 'create' | 'modify'; diff: string }>;
  skipped: Plan['skipped'];
  manual: Plan['manual'];
  env: Plan['env'];
  dependencies: Plan['dependencies'];
  notes: string[];
  verification?: Verification;
  routes?: Plan['routes'];
}

export function planToJson(plan: Plan): PlanJson {
  return {
    area: plan.area,
    package: plan.package,
    changes: plan.changes.map((c) => ({ path: c.path, action: c.action, diff: unifiedDiff(c) })),
    skipped: plan.skipped,
    manual: plan.manual,
    env: plan.env,
    dependencies: plan.dependencies,
    notes: plan.notes,
    ...(plan.verification ? { verification: plan.verification } : {}),
    ...(plan.routes?.length ? { routes: plan.routes } : {}),
  };
}
