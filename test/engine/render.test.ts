// Plan renderers: unified diffs git can apply, the JSON shape `--json` prints, and the summary.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planToJson, renderSummary, unifiedDiff } from '../../src/plan/render.js';
import { emptyPlan, type Plan } from '../../src/plan/types.js';

function samplePlan(): Plan {
  const plan = emptyPlan('usage-events', 'apps/api');
  plan.changes.push(
    { path: 'src/lib/billing.ts', action: 'create', before: null, after: 'export const billing = {};\n' },
    { path: 'src/routes/chat.ts', action: 'modify', before: 'a\r\nb\r\n', after: 'a\r\nb\r\nc\r\n' },
  );
  plan.skipped.push({ path: 'src/routes/x.ts', line: 4, reason: 'no signed-in user in scope' });
  plan.manual.push({ path: 'src/routes/x.ts', line: 4, message: 'send the usage event yourself', snippet: 'await billing.trackUsage(...)' });
  plan.env.push({ name: 'CREDYT_API_KEY', file: '.env.example' });
  plan.dependencies.push({ name: 'uuid', version: '11.0.0', reason: 'event ids' });
  plan.notes.push('estimates are placeholders');
  return plan;
}

describe('unifiedDiff', () => {
  it('prints git-style headers, /dev/null for a new file, and no === banner', () => {
    const plan = samplePlan();
    expect(unifiedDiff(plan.changes[0])).toBe('--- /dev/null\n+++ b/src/lib/billing.ts\n@@ -0,0 +1,1 @@\n+export const billing = {};\n');
    expect(unifiedDiff(plan.changes[1])).toBe('--- a/src/routes/chat.ts\n+++ b/src/routes/chat.ts\n@@ -1,2 +1,3 @@\n a\r\n b\r\n+c\r\n');
  });

  it('is a patch git applies, CRLF and a missing final newline included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'diff-apply-'));
    try {
      execFileSync('git', ['init', '-q'], { cwd: dir });
      const changes = [
        { path: 'new.ts', action: 'create' as const, before: null, after: 'x\n' },
        { path: 'crlf.ts', action: 'modify' as const, before: 'a\r\nb\r\n', after: 'a\r\nB\r\nc\r\n' },
        { path: 'noeol.ts', action: 'modify' as const, before: 'a\nb', after: 'a\nb\nc' },
      ];
      for (const c of changes) if (c.before !== null) writeFileSync(join(dir, c.path), c.before);
      writeFileSync(join(dir, 'all.patch'), changes.map(unifiedDiff).join(''));
      execFileSync('git', ['apply', '--whitespace=nowarn', 'all.patch'], { cwd: dir });
      for (const c of changes) expect(readFileSync(join(dir, c.path), 'utf8'), c.path).toBe(c.after);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('planToJson', () => {
  it('has the area, the package, each change as path/action/diff, and the rest of the plan as data', () => {
    const plan = samplePlan();
    const json = planToJson(plan);
    expect(Object.keys(json).sort()).toEqual(['area', 'changes', 'dependencies', 'env', 'manual', 'notes', 'package', 'skipped']);
    expect(json.area).toBe('usage-events');
    expect(json.package).toBe('apps/api');
    expect(json.changes).toEqual(plan.changes.map((c) => ({ path: c.path, action: c.action, diff: unifiedDiff(c) })));
    expect(json.skipped).toEqual(plan.skipped);
    expect(json.manual).toEqual(plan.manual);
    expect(json.env).toEqual(plan.env);
    expect(json.dependencies).toEqual(plan.dependencies);
    expect(json.notes).toEqual(plan.notes);
    // Plain data: survives JSON unchanged.
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('renderSummary', () => {
  it('lists what changes and everything left for the user, without colour codes when asked', () => {
    const text = renderSummary(samplePlan(), false);
    expect(text).toBe(
      [
        'usage-events (apps/api): 1 file(s) to create, 1 to modify',
        '  create src/lib/billing.ts',
        '  modify src/routes/chat.ts',
        '  env: CREDYT_API_KEY (.env.example)',
        '  dependencies: uuid@11.0.0 (event ids)',
        '  skipped (1):',
        '    src/routes/x.ts:4: no signed-in user in scope',
        '  manual steps (1):',
        '    src/routes/x.ts:4: send the usage event yourself',
        '      await billing.trackUsage(...)',
        '  note: estimates are placeholders',
      ].join('\n'),
    );
    expect(renderSummary(emptyPlan('customers', '.'), false)).toBe('customers: nothing to change');
  });
});
