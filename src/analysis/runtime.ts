// Where a file's code runs, which decides whether billing code may go there. The billing module holds the
// API key and calls the billing API from Node, so it is never put in browser bundles, in edge code (no Node
// APIs, and Next.js middleware runs on every request), or in tests, mocks, fixtures, stories, seeds and
// scripts (never scanned at all: a mock's `new OpenAI()` is not the app's).
import { posix } from 'node:path';

export type Runtime = 'server' | 'browser' | 'edge';

export interface RuntimeAnswer {
  runtime: Runtime;
  /** Why it is not server code, for the skip reason. */
  reason?: string;
  /** What a person can do instead, for the manual step. */
  instead?: string;
}

const TEST_DIRS = new Set(['test', 'tests', '__tests__', '__mocks__', '__fixtures__', 'fixtures', 'cypress', 'e2e', 'playwright', 'stories', '__stories__', 'seed', 'seeds', 'scripts']);
// `.test.ts` and its kinds: `.e2e-spec.ts` (NestJS), `.servertest.ts` and `.clienttest.ts` (langfuse's two jest projects).
const TEST_FILE = /\.(?:(?:client|server|unit|int|integration|api|e2e)-?)?(?:test|spec)\.[cm]?[jt]sx?$|\.(stories|story|e2e)\.[cm]?[jt]sx?$|^(seed|jest\.setup|vitest\.setup|setupTests|playwright\.config|vitest\.config|jest\.config)\.[cm]?[jt]sx?$/;

/** Tests, mocks, fixtures, stories, seeds and scripts, by path relative to the app package: never scanned, never edited. */
export function isTestPath(pkgRelative: string): boolean {
  const parts = pkgRelative.split('/');
  const name = parts.pop() ?? '';
  return TEST_FILE.test(name) || parts.some((p) => TEST_DIRS.has(p));
}

/** A module of server actions: what client components import from it runs on the server, called over the network. */
export const USE_SERVER = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/|(['"])use [\w -]+\1;?)*(['"])use server\2/;

/** `'use client'` (or `"use client"`) anywhere in the directive prologue, after comments and other directives. */
const USE_CLIENT = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/|(['"])use [\w -]+\1;?)*(['"])use client\2/;
const EDGE = /export\s+const\s+runtime\s*=\s*['"](experimental-)?edge['"]|runtime\s*:\s*['"](experimental-)?edge['"]/;
const SERVER_DATA = /export\s+(async\s+)?(function|const)\s+(getServerSideProps|getStaticProps|getStaticPaths)\b/;

/**
 * Where a file of a package runs. `pkgRelative` is its path inside the package; `next` says whether the
 * package is a Next.js app (pages/, middleware and `runtime` exports mean something only there).
 */
export function runtimeOf(pkgRelative: string, text: string, next: boolean): RuntimeAnswer {
  if (USE_CLIENT.test(text)) {
    return { runtime: 'browser', reason: "browser code ('use client'): the billing module holds the API key and must not be imported here", instead: 'move the call into a server action or a route handler and call that from the component' };
  }
  if (!next) return { runtime: 'server' };
  const path = pkgRelative.replace(/^src\//, '');
  if (/^middleware\.[cm]?[jt]s$/.test(path)) {
    return { runtime: 'edge', reason: 'Next.js middleware: it runs on the edge runtime before every request, where the billing module cannot run', instead: 'check or bill in the route handler or server action the request reaches' };
  }
  if (EDGE.test(text)) {
    return { runtime: 'edge', reason: "an edge-runtime route (runtime = 'edge'): the billing module needs Node.js", instead: "bill in a Node.js route (remove runtime = 'edge' or call a Node route from here)" };
  }
  if (path.startsWith('pages/') && !path.startsWith('pages/api/') && !SERVER_DATA.test(text)) {
    return { runtime: 'browser', reason: 'a pages-router page or component: it is bundled for the browser', instead: 'move the call into an API route (pages/api) and call that from the page' };
  }
  return { runtime: 'server' };
}

/** The package-relative path of a project file. */
export function inPackage(pkgPath: string, file: string): string {
  if (pkgPath === '.') return file;
  return file.startsWith(`${pkgPath}/`) ? file.slice(pkgPath.length + 1) : posix.relative(pkgPath, file);
}
