// The package's way of reading the signed-in user in a request handler, for the routes the portal and balance
// areas add: taken from the first billable handler (in file order) whose user the shared identity analysis
// found and whose way of finding it can be written in a new file.
import { GUARD_NAME, sessionRecipeAt, type RecipeRole, type SessionRecipe } from '../../analysis/session-recipe.js';
import type { BillingConfig } from '../../config/types.js';
import type { DetectedPackage } from '../../detect/stack.js';
import type * as t from '@babel/types';
import { identityAt } from '../../analysis/identity.js';
import { findExportedFunction } from '../../ast/exports.js';
import type { FunctionNode } from '../../ast/nodes.js';
import type { HandlerKind } from '../../detect/types.js';
import type { FileHandler } from '../../frameworks/handlers-in-file.js';
import { describeRoute, type RouteHandler } from '../../frameworks/types.js';
import { findBillableSites, userAt } from '../billable-sites.js';
import { packageSiteOptions } from '../site-options.js';

const SIGN_IN_ROUTE = /log-?in|log-?out|sign-?in|sign-?up|sign-?out|register|callback|\/auth\//i;

export type RecipeAnswer = { recipe: SessionRecipe; reason?: undefined } | { recipe: null; reason: string };

export function packageSessionRecipe(pkg: DetectedPackage, config: BillingConfig, role: RecipeRole): RecipeAnswer {
  const siteOptions = packageSiteOptions(pkg, config);
  const candidates: SessionRecipe[] = [];
  const files = [...new Set(pkg.info.billableCalls.map((c) => c.file))].sort();
  let seen = 0;
  let billable = 0;
  for (const file of files) {
    const ast = pkg.ctx.parse(file);
    const text = pkg.ctx.text(file);
    if (!ast || text === undefined) continue;
    const options = siteOptions(file);
    for (const site of findBillableSites(ast, file, options)) {
      if (!site.handler || !fits(site.handler, role)) continue;
      seen++;
      billable++;
      const answer = userAt(site, text, site.call.start ?? 0, options);
      if (!answer.user) continue;
      const recipe = sessionRecipeAt({ ast, file, text, fn: site.handler.fn, role, route: site.handler.route, user: answer.user });
      if (recipe?.guards.length || (recipe && role !== 'express' && role !== 'fastify')) return { recipe };
      // An Express or Fastify handler without a guard in its file may be a controller whose guard is at its
      // registration in another file: the routes below are read with their registrations.
      if (recipe) candidates.push(recipe);
    }
  }
  // Then every route of the package, handlers passed by name included (a controller behind `ensureLoggedIn`);
  // one behind a guard first, and never a sign-in or sign-up route (its user is the one signing in).
  for (const route of pkg.routes()) {
    if (!fitsKind(route.kind, role) || SIGN_IN_ROUTE.test(route.path ?? '')) continue;
    const found = handlerOf(pkg, route);
    if (!found) continue;
    seen++;
    const fileOptions = siteOptions(found.file);
    const answer = identityAt({
      functions: [found.fn],
      handler: { fn: found.fn, role: role === 'next' ? 'next' : role, serverAction: route.kind === 'next-server-action', requestProps: [], wrapped: false, route: describeRoute(route) },
      before: found.fn.end ?? 0,
      text: found.text,
      passport: fileOptions.passport,
      nullSafe: true,
      idPaths: fileOptions.idPaths,
      types: fileOptions.types,
    });
    if (!answer.user) continue;
    const registration = found.file === route.file ? undefined : { ast: pkg.ctx.parse(route.file) as t.File, file: route.file, middleware: route.middleware };
    if (registration && !registration.ast) continue;
    const recipe = sessionRecipeAt({ ast: found.ast, file: found.file, text: found.text, fn: found.fn, role, route: describeRoute(route), user: answer.user, registration });
    if (recipe?.guards.length || (recipe && role !== 'express' && role !== 'fastify')) return { recipe };
    if (recipe) candidates.push(recipe);
  }
  // A guardless recipe reads a user some middleware sets: only when no route of the app has its own guard is
  // that middleware global (app.use(passport.session())); otherwise the new route would always answer 401.
  const guarded = pkg.routes().find((r) => r.middleware.some((m) => GUARD_NAME.test(m)));
  if (candidates[0] && !guarded) return { recipe: candidates[0] };
  if (candidates[0] && guarded) {
    return { recipe: null, reason: `the app's routes get the signed-in user from route middleware (${guarded.middleware.join(', ')} on ${describeRoute(guarded)}) that could not be brought into a new file` };
  }
  return {
    recipe: null,
    reason: seen
      ? `none of the ${seen} request handler(s) looked at (${billable} with billable calls, then the app's other routes) reads the signed-in user in a way a new route can repeat (a guard, or session statements using imports and the request)`
      : 'no request handler with a billable call shows how this app reads the signed-in user',
  };
}

/** Handlers whose way of reading the user works in the new route's kind (a server action's session getter works in a route handler too). */
function fits(handler: FileHandler, role: RecipeRole): boolean {
  return fitsKind(handler.kind, role);
}

function fitsKind(kind: HandlerKind, role: RecipeRole): boolean {
  switch (role) {
    case 'express':
      return kind === 'express-route';
    case 'fastify':
      return kind === 'fastify-route';
    case 'pages':
      return kind === 'next-pages-api';
    case 'next':
      return kind === 'next-route-handler' || kind === 'next-server-action';
  }
}

/** A route's handler function, its file's tree and text: in the registering file, or the file its `ref` names. */
function handlerOf(pkg: DetectedPackage, route: RouteHandler): { fn: FunctionNode; file: string; ast: t.File; text: string } | null {
  const origin = route.ref ? pkg.ctx.origin(route.ref.file, route.ref.exportName) : null;
  const file = origin?.file ?? route.file;
  const ast = pkg.ctx.parse(file);
  const text = pkg.ctx.text(file);
  if (!ast || text === undefined) return null;
  const fn = origin ? (findExportedFunction(ast, origin.name)?.fn ?? null) : route.fn;
  return fn ? { fn, file, ast, text } : null;
}
