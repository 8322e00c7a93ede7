// In-memory projects for detection unit tests: a few files as text, analysed with the real package context,
// route finders and matchers (nothing on disk is read for sources).
import type { BillingConfig } from '../../src/config/types.js';
import { createPackageContext, type PackageContext } from '../../src/detect/package-context.js';
import { detectBillableCalls } from '../../src/detect/billable-calls.js';
import { detectSignupHandlers } from '../../src/detect/signup-handlers.js';
import type { Framework } from '../../src/detect/types.js';
import { findRoutes } from '../../src/frameworks/routes.js';
import type { RouteHandler } from '../../src/frameworks/types.js';
import { isSourceFile, type Project } from '../../src/project/project.js';

export interface MemoryOptions {
  dependencies?: string[];
  aliases?: Record<string, string[]>;
  config?: Partial<BillingConfig> | null;
}

export function memoryProject(files: Record<string, string>): Project {
  // Sorted like loadProject's listing, so results come in the same file order as a real run.
  const entries = Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const sources = new Map(entries.filter(([path]) => isSourceFile(path)));
  return { dir: '/nonexistent/memory-project', files: Object.keys(files).sort(), sources, skipped: [] };
}

export function memoryContext(files: Record<string, string>, options: MemoryOptions = {}): PackageContext {
  const project = memoryProject(files);
  return createPackageContext(project, '.', options.aliases ?? {}, options.dependencies ?? [], (options.config ?? null) as BillingConfig | null);
}

/** Billable calls as `file:line provider call` lines (with `in helper` when outside handlers), in file order. */
export function callsIn(files: Record<string, string>, options: MemoryOptions & { framework?: Framework } = {}): string[] {
  const ctx = memoryContext(files, options);
  const routes = options.framework ? findRoutes(ctx, options.framework) : [];
  return detectBillableCalls(ctx, routes).map((c) => `${c.file}:${c.line} ${c.provider} ${c.call}${c.inHelper ? ` in ${c.inHelper}` : ''}`);
}

export function routesIn(files: Record<string, string>, framework: Framework, options: MemoryOptions = {}): RouteHandler[] {
  return findRoutes(memoryContext(files, options), framework);
}

/** Routes as `METHOD path -> file:line of the handler function`. */
export function routeLines(files: Record<string, string>, framework: Framework, options: MemoryOptions = {}): string[] {
  return routesIn(files, framework, options).map((r) => {
    const where = r.fn ? `${r.ref?.file ?? r.file}:${r.fn.loc?.start.line}` : 'unresolved';
    const name = r.kind === 'next-server-action' ? `action ${r.name}` : `${r.method ?? 'ANY'} ${r.path ?? '?'}`;
    return `${name} -> ${where}`;
  });
}

/** Signup handlers as `kind file:line route-or-hook (creates call)`. */
export function signupsIn(files: Record<string, string>, framework: Framework, options: MemoryOptions = {}): string[] {
  const ctx = memoryContext(files, options);
  return detectSignupHandlers(ctx, findRoutes(ctx, framework)).map(
    (h) => `${h.kind} ${h.file}:${h.line}${h.route ? ` ${h.route}` : ''}${h.hook ? ` ${h.hook}` : ''}${h.creates ? ` (${h.creates.call})` : ''}`,
  );
}
