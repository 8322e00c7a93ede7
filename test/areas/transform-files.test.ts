// The loop every code-editing area shares: edits, parse failures, and sites where billing cannot run.
import { describe, expect, it } from 'vitest';
import { transformFiles } from '../../src/areas/transform-files.js';
import type { AreaContext } from '../../src/areas/types.js';
import { siteVerdict, type SiteFilter, type Transform } from '../../src/ast/transform.js';
import { createPackageContext } from '../../src/detect/package-context.js';
import type { DetectedPackage } from '../../src/detect/stack.js';
import type { PackageInfo } from '../../src/detect/types.js';
import { emptyPlan } from '../../src/plan/types.js';
import { DeferredLintFacts } from '../../src/style/deferred-lint.js';
import type { StyleTools } from '../../src/style/finish.js';
import type { LintFacts } from '../../src/style/project-style.js';
import type { Project } from '../../src/project/project.js';

function context(files: Record<string, string>, framework: PackageInfo['framework']): AreaContext {
  const project = { dir: '/app', files: Object.keys(files), sources: new Map(Object.entries(files)), skipped: [] } as Project;
  const info = { path: '.', framework } as PackageInfo;
  const pkg = { info, ctx: createPackageContext(project, '.', {}, [], null), routes: () => [], signupRoutes: () => [] } as DetectedPackage;
  return { project, pkg, config: {} as AreaContext['config'], options: {} };
}

/** A transform with one site (key 0): it appends a comment, or, refused, reports the reason and leaves the file. */
const oneSite: Transform<{ sites?: SiteFilter }> = (file, api, options) => {
  api.jscodeshift(file.source); // parses, like every real transform
  options.reporter?.site?.(0, 1);
  const verdict = siteVerdict(options.sites, 0);
  if (typeof verdict === 'object') {
    options.reporter?.skip(1, verdict.refused);
    return undefined;
  }
  return `${file.source}// edited\n`;
};

describe('transformFiles', () => {
  it('edits in the file line endings, skips a file that does not parse with its message, and refuses sites in browser code', async () => {
    const plan = emptyPlan('test', '.');
    const files = {
      'a.ts': 'export const a = 1;\r\n',
      'broken.ts': 'export const = ;\n',
      'components/chat.tsx': "// a chat box\n'use strict';\n'use client';\nimport { generateText } from 'ai';\nexport const x = generateText;\n",
    };
    await transformFiles(plan, context(files, 'next'), Object.keys(files), oneSite, () => ({}));
    expect(plan.changes.map((c) => [c.path, c.after])).toEqual([['a.ts', 'export const a = 1;\r\n// edited\r\n']]);
    expect(plan.skipped.map((s) => s.path)).toEqual(['broken.ts', 'components/chat.tsx']);
    expect(plan.skipped[0].reason).toMatch(/^does not parse: /);
    expect(plan.skipped[1].reason).toMatch(/browser code \('use client'\).*instead: move the call into a server action/);
  });

  it('refuses sites in Next.js middleware, edge routes, pages-router pages and modules only browser code imports (not server actions)', async () => {
    const plan = emptyPlan('test', '.');
    const files = {
      'middleware.ts': 'export function middleware() {}\n',
      'app/api/fast/route.ts': "export const runtime = 'edge';\nexport async function POST() {}\n",
      'pages/index.tsx': 'export default function Home() { return null; }\n',
      'pages/report.tsx': 'export async function getServerSideProps() { return { props: {} }; }\nexport default function Report() { return null; }\n',
      'lib/suggest.ts': 'export const suggest = 1;\n',
      'components/box.tsx': "'use client';\nimport { suggest } from '../lib/suggest';\nexport const b = suggest;\n",
      'pages/api/chat.ts': 'export default async function handler() {}\n',
      'app/actions.ts': "'use server';\nexport async function ask() {}\n",
      'components/form.tsx': "'use client';\nimport { ask } from '../app/actions';\nexport const f = ask;\n",
    };
    await transformFiles(plan, context(files, 'next'), ['middleware.ts', 'app/api/fast/route.ts', 'pages/index.tsx', 'pages/report.tsx', 'lib/suggest.ts', 'pages/api/chat.ts', 'app/actions.ts'], oneSite, () => ({}));
    // Server actions are imported only by a client component, and run on the server.
    expect(plan.changes.map((c) => c.path)).toEqual(['pages/report.tsx', 'pages/api/chat.ts', 'app/actions.ts']);
    expect(plan.skipped.map((s) => `${s.path}: ${s.reason.split(':')[0]}`)).toEqual([
      'middleware.ts: Next.js middleware',
      "app/api/fast/route.ts: an edge-runtime route (runtime = 'edge')",
      'pages/index.tsx: a pages-router page or component',
      'lib/suggest.ts: only browser code imports this module (components/box.tsx), so it is bundled for the browser; instead',
    ]);
  });

  it('treats the same paths as server code outside Next.js', async () => {
    const plan = emptyPlan('test', '.');
    const files = { 'middleware.ts': 'export function middleware() {}\n', 'pages/index.ts': 'export const x = 1;\n' };
    await transformFiles(plan, context(files, 'express'), Object.keys(files), oneSite, () => ({}));
    expect(plan.changes.map((c) => c.path)).toEqual(['middleware.ts', 'pages/index.ts']);
  });
});

describe('transformFiles and the lint facts edits read', () => {
  /** Style tools whose loading is counted, giving `facts`. */
  function countedTools(facts: LintFacts): StyleTools & { loads: number } {
    const lint = new DeferredLintFacts();
    const tools = {
      loads: 0,
      lint,
      projectStyle: async () => {
        tools.loads++;
        lint.supply(facts);
        return {} as Awaited<ReturnType<StyleTools['projectStyle']>>;
      },
      finish: async (change: Parameters<StyleTools['finish']>[0]) => change,
      notes: () => [],
    };
    return tools;
  }
  /** Writes `void track();` or, where the lint forbids void, `track();`, as the usage edit does. */
  const track: Transform<{ lint?: LintFacts }> = (file, _api, options) => (file.source.includes('track') ? undefined : `${file.source}${options.lint?.noVoid === true ? '' : 'void '}track();\n`);
  const files = { 'a.ts': 'export const a = 1;\n', 'done.ts': 'track();\n' };

  it('loads the tools for an edit that read a fact, and makes the edit again where the fact is set', async () => {
    const tools = countedTools({ noVoid: true });
    const ctx = { ...context(files, 'express'), style: tools };
    const plan = emptyPlan('test', '.');
    await transformFiles(plan, ctx, ['a.ts'], track, () => ({ lint: tools.lint }));
    expect(tools.loads).toBe(1);
    expect(plan.changes.map((c) => c.after)).toEqual(['export const a = 1;\ntrack();\n']);
  });

  it('keeps the edit made with the fact unset when the app leaves it unset', async () => {
    const tools = countedTools({});
    const plan = emptyPlan('test', '.');
    await transformFiles(plan, { ...context(files, 'express'), style: tools }, ['a.ts'], track, () => ({ lint: tools.lint }));
    expect(tools.loads).toBe(1);
    expect(tools.lint.differs()).toBe(false);
    expect(plan.changes.map((c) => c.after)).toEqual(['export const a = 1;\nvoid track();\n']);
  });

  it('loads them for an edit that read no fact, so that the runs made again while verifying read the real ones', async () => {
    const tools = countedTools({ noVoid: true });
    const plan = emptyPlan('test', '.');
    await transformFiles(plan, { ...context(files, 'express'), style: tools }, ['a.ts'], oneSite, () => ({}));
    expect(tools.loads).toBe(1);
    expect(tools.lint.noVoid).toBe(true);
  });

  it('never loads them for a run that writes nothing', async () => {
    const tools = countedTools({ noVoid: true });
    const plan = emptyPlan('test', '.');
    await transformFiles(plan, { ...context(files, 'express'), style: tools }, ['done.ts'], track, () => ({ lint: tools.lint }));
    expect(tools.loads).toBe(0);
    expect(plan.changes).toEqual([]);
  });
});
