// The billable call sites of one file, as usage-events and balance-gates both see them: the call, what it
// is, the configured event that covers it, the request handler it runs in (or the helper function it sits
// in), and the signed-in user at a given point. Works on any Babel-shaped tree (detection's or recast's).
import type * as t from '@babel/types';
import type { LintFacts } from '../style/project-style.js';
import { collectImports } from '../ast/imports.js';
import { enclosingFunction, functionName, isFunction, type FunctionNode } from '../ast/nodes.js';
import { walk, type Node } from '../ast/walk.js';
import type { BillingConfig, EventConfig } from '../config/types.js';
import { configCallees, configUrlRules, eventTypeFor, findCallsInFile, isCall, type CallMatch, type CallNode, type FoundCall } from '../detect/billable-calls.js';
import { emptyClientIndex, readFileClients, type ClientIndex, type ImportResolver } from '../detect/clients.js';
import type { Framework } from '../detect/types.js';
import { enclosingHandler, handlersInFile, type FileHandler, type HandlerHint } from '../frameworks/handlers-in-file.js';
import { identityAt, type IdentityAnswer } from '../analysis/identity.js';
import type { UserSearch } from '../analysis/signed-in-user.js';
import type { TypeFacts } from '../analysis/type-facts.js';
import { addRouterMiddleware, type MiddlewareProps } from './router-middleware.js';
import type { ExportOrigin } from './helper-calls.js';
import type { Router } from '../detect/types.js';

export interface SiteOptions {
  framework: Framework;
  /** Next.js: which router the app uses (code outside a handler runs in an app-router request only with 'app'). */
  router?: Router;
  /** What the app's lint forbids in the code an edit writes (from its resolved ESLint rules). */
  lint?: LintFacts;
  config: BillingConfig;
  /** Package-wide facts; a standalone jscodeshift run has none and traces clients in this file only. */
  clientIndex?: ClientIndex;
  resolve?: ImportResolver;
  /** Where an import really comes from, through barrels (PackageContext.origin). */
  origin?: ExportOrigin;
  dependencies?: string[];
  hints?: HandlerHint[];
  /** The app signs in with passport. */
  passport?: boolean;
  /** Made-up user ids read the request's user with `?.` (see UserSearch.nullSafe). */
  nullSafe?: boolean;
  /** Where the app's session and user getters keep the id (see idPathsIn). */
  idPaths?: Record<string, string>;
  /** What a middleware puts on the request, for Express `router.use(middleware)` in front of the file's routes. */
  middlewareProps?: MiddlewareProps;
  /** The checker's view of this file (made on first use; null where it cannot be had). */
  types?: () => TypeFacts | null;
  /** Other calls to report as sites, with the billable call they stand for (a call of a helper that makes one). */
  extraCalls?: (call: CallNode, ancestors: readonly Node[]) => CallMatch | null;
}

export interface BillableSite {
  call: CallNode;
  ancestors: Node[];
  match: CallMatch;
  /** The configured event covering the call; null when the config does not bill it. */
  event: EventConfig | null;
  /** The request handler the call runs in, when it is written inside one. */
  handler: FileHandler | null;
  /** The innermost function around the call. */
  fn: FunctionNode | null;
  /** Name of that function when it is not the handler itself (a helper such as `summarize`). */
  helperName: string | null;
}

export function findBillableSites(ast: t.File, file: string, options: SiteOptions): BillableSite[] {
  const index = options.clientIndex ?? emptyClientIndex();
  const resolve = options.resolve ?? (() => null);
  const clients = readFileClients(file, ast, index, resolve);
  const matcher = { clients, index, dependencies: new Set(options.dependencies ?? []), configCalls: configCallees(options.config), configUrls: configUrlRules(options.config), ast };
  const handlers = handlersInFile({ file, ast, imports: collectImports(ast), resolve }, options.framework, options.hints);
  if (options.framework === 'express' && options.middlewareProps) addRouterMiddleware(ast, file, handlers, options.middlewareProps);
  const found = findCallsInFile(ast, matcher);
  if (options.extraCalls) found.push(...extraCallsIn(ast, options.extraCalls, new Set(found.map((f) => f.node))));
  found.sort((a, b) => (a.node.start ?? 0) - (b.node.start ?? 0));
  return found.map(({ node, ancestors, match }) => {
    const fn = enclosingFunction(ancestors);
    const handler = enclosingHandler(handlers, ancestors);
    const type = eventTypeFor(options.config, match);
    return {
      call: node,
      ancestors,
      match,
      event: type ? (options.config.events.find((e) => e.type === type) ?? null) : null,
      handler,
      fn,
      helperName: fn && fn !== handler?.fn ? functionName(fn, ancestors.slice(0, ancestors.indexOf(fn))) : null,
    };
  });
}

function extraCallsIn(ast: t.File, extra: NonNullable<SiteOptions['extraCalls']>, known: Set<Node>): FoundCall[] {
  const out: FoundCall[] = [];
  walk(ast.program, (node, ancestors) => {
    if (!isCall(node) || known.has(node)) return;
    const match = extra(node, ancestors);
    if (match) out.push({ node, ancestors: [...ancestors], match });
  });
  return out;
}

/** The signed-in user's id readable at `before` (a source offset) for this site, or why there is none. */
export function userAt(site: BillableSite, text: string, before: number, options: Pick<SiteOptions, 'passport' | 'nullSafe' | 'idPaths' | 'types'> & { config?: SiteOptions['config'] }): IdentityAnswer {
  // The functions around the call, innermost first, up to the request handler (closures included).
  const stop = site.handler ? site.ancestors.indexOf(site.handler.fn) : 0;
  const functions = site.ancestors.slice(Math.max(stop, 0)).filter(isFunction).reverse();
  if (site.fn && !functions.includes(site.fn)) functions.unshift(site.fn);
  const handler = site.handler
    ? {
        fn: site.handler.fn,
        role: roleFor(site.handler),
        serverAction: site.handler.kind === 'next-server-action',
        requestProps: site.handler.requestProps,
        wrapped: site.ancestors[site.ancestors.indexOf(site.handler.fn) - 1]?.type === 'CallExpression',
        route: site.handler.route,
      }
    : null;
  return identityAt({ functions, handler, before, text, passport: options.passport, nullSafe: options.nullSafe, idPaths: options.idPaths, types: options.types, entity: options.config?.customers?.entity });
}

function roleFor(handler: FileHandler): UserSearch['role'] {
  switch (handler.kind) {
    case 'express-route':
      return 'express';
    case 'fastify-route':
      return 'fastify';
    case 'next-pages-api':
      return 'pages';
    default:
      return 'next';
  }
}
