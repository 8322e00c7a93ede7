// Signup handlers: request handlers that create a user record, and auth-library hooks that do. Login,
// session and admin-only routes are not signup, even when they touch users.
import { lineOf } from '../ast/nodes.js';
import { describeRoute, type RouteHandler } from '../frameworks/types.js';
import { findAuthHooks, hookToSignupHandler } from './auth-hooks.js';
import type { PackageContext } from './package-context.js';
import type { SignupHandler } from './types.js';
import { findUserCreations, type UserCreation } from './user-creation.js';

const NOT_SIGNUP_PATH = /log-?in|sign-?in|session|token|oauth|callback|log-?out|sign-?out|password|reset|verify|me$/i;
const SIGNUP_PATH = /sign-?up|register|join|create-?account|onboard/i;
const ADMIN = /admin|staff|superuser|role|permission/i;

export interface SignupCandidate {
  route: RouteHandler;
  creation: UserCreation | null;
}

/** Why a route that creates users is still not a signup route, or null when it is one. */
export function notSignupReason(route: RouteHandler): string | null {
  if (route.method && route.method !== 'POST') return `${route.method} routes do not sign people up`;
  if (route.path && NOT_SIGNUP_PATH.test(route.path)) return `${route.path} is a login or session route`;
  if (route.path && /(^|\/)admin(\/|$)/i.test(route.path)) return `${route.path} is an admin route`;
  const guard = route.middleware.find((m) => ADMIN.test(m));
  if (guard) return `guarded by ${guard}: admin-only user creation`;
  return null;
}

/** Route handlers that create a user (or are plainly named for signup), with the creating statement. */
export function findSignupRoutes(routes: RouteHandler[]): SignupCandidate[] {
  const out: SignupCandidate[] = [];
  for (const route of routes) {
    if (!route.fn || notSignupReason(route)) continue;
    const [creation] = findUserCreations(route.fn, route.fnAncestors);
    if (creation && route.kind === 'next-server-action' && route.name && /log-?in|sign-?in/i.test(route.name)) continue;
    if (creation || (route.path && SIGNUP_PATH.test(route.path)) || (route.name && SIGNUP_PATH.test(route.name))) {
      out.push({ route, creation: creation ?? null });
    }
  }
  return out;
}

export function detectSignupHandlers(ctx: PackageContext, routes: RouteHandler[]): SignupHandler[] {
  const hooks = findAuthHooks(ctx).filter((h) => h.createsUsers).map(hookToSignupHandler);
  const handlers = findSignupRoutes(routes).map(({ route, creation }): SignupHandler => {
    const file = route.ref?.file ?? route.file;
    const where = route.ref ? ` (declared in ${route.file}:${route.line})` : '';
    const reason = creation
      ? `${describeRoute(route)}${where} creates a user (${creation.description})`
      : `${describeRoute(route)}${where} is named for signup; no user-creating call was recognised`;
    return {
      file,
      line: route.fn ? lineOf(route.fn) : route.line,
      kind: route.kind,
      reason,
      ...(route.path ? { route: `${route.method ?? 'ANY'} ${route.path}` } : {}),
      ...(creation ? { creates: { file, line: lineOf(creation.node), call: creation.description } } : {}),
    };
  });
  return [...hooks, ...handlers];
}
