// Signup handlers: request handlers that create a user record, and auth-library hooks that do. Login,
// session and admin-only routes are not signup, even when they touch users.
import { lineOf } from '../ast/nodes.js';
import { contains } from '../ast/walk.js';
import { describeRoute, type RouteHandler } from '../frameworks/types.js';
import { adminGuardIn } from './admin-guard.js';
import { findAuthHooks, hookToSignupHandler } from './auth-hooks.js';
import type { PackageContext } from './package-context.js';
import type { SignupHandler } from './types.js';
import { findUserCreations, type UserCreation } from './user-creation.js';

// Path words, matched against whole words of static segments: `/invites/:token` is not a token route and
// `/welcome` is not `/me`.
const NOT_SIGNUP_WORD = /^(login|signin|logout|signout|sessions?|tokens?|oauth2?|callback|password|reset|verify|me)$/i;
const SIGNUP_WORD = /^(signup|register|registration|join|createaccount|onboard|onboarding)$/i;
export const SIGNUP_NAME = /sign-?up|register|join|create-?account|onboard/i;
const SIGNUP_WORDS = new RegExp(SIGNUP_NAME.source, 'gi');
const IDENTIFIER_CHAR = /[\w$]/;

/**
 * Whether a file's text names what SIGNUP_NAME takes: an identifier holding one of its words, not a member
 * after a dot (a route's or server action's name is declared or exported, never `arr.join(...)` or
 * `app.register(...)`). Each word found is followed back to its identifier's start: a lookbehind and an
 * identifier prefix in one pattern were tried at every position of the file, four times slower.
 */
export function namesSignupInText(text: string): boolean {
  SIGNUP_WORDS.lastIndex = 0;
  for (let found = SIGNUP_WORDS.exec(text); found; found = SIGNUP_WORDS.exec(text)) {
    let start = found.index;
    while (start > 0 && IDENTIFIER_CHAR.test(text[start - 1])) start--;
    if (text[start - 1] !== '.') return true;
  }
  return false;
}
const ADMIN = /admin|staff|superuser|role|permission/i;

/** Words of a path's static segments: `/auth/log-in/:id` → auth, log, in, login. */
function pathWords(path: string): string[] {
  const segments = path.split('/').filter((s) => s && !/^[:[{*(]/.test(s));
  return segments.flatMap((s) => [...s.split(/[-_.]/), s.replace(/[-_.]/g, '')]);
}

export interface SignupCandidate {
  route: RouteHandler;
  creation: UserCreation | null;
}

/** Why a route that creates users is still not a signup route, or null when it is one. */
export function notSignupReason(route: RouteHandler): string | null {
  if (route.method && route.method !== 'POST') return `${route.method} routes do not sign people up`;
  const words = route.path ? pathWords(route.path) : [];
  if (words.some((w) => NOT_SIGNUP_WORD.test(w))) return `${route.path} is a login or session route`;
  if (words.some((w) => /^admin$/i.test(w))) return `${route.path} is an admin route`;
  const guard = route.middleware.find((m) => ADMIN.test(m));
  if (guard) return `guarded by ${guard}: admin-only user creation`;
  const inBody = route.fn ? adminGuardIn(route.fn) : null;
  if (inBody) return `guarded by ${inBody}: admin-only user creation`;
  return null;
}

/** Route handlers that create a user (or are plainly named for signup), with the creating statement. */
export function findSignupRoutes(routes: RouteHandler[]): SignupCandidate[] {
  const out: SignupCandidate[] = [];
  for (const route of routes) {
    if (!route.fn || notSignupReason(route)) continue;
    const [creation] = findUserCreations(route.fn, route.fnAncestors);
    if (creation && route.kind === 'next-server-action' && route.name && /log-?in|sign-?in/i.test(route.name)) continue;
    const named = (route.path !== null && pathWords(route.path).some((w) => SIGNUP_WORD.test(w))) || (route.name !== undefined && SIGNUP_NAME.test(route.name));
    if (creation || named) {
      out.push({ route, creation: creation ?? null });
    }
  }
  return out;
}

export function detectSignupHandlers(ctx: PackageContext, routes: RouteHandler[]): SignupHandler[] {
  const candidates = findSignupRoutes(routes);
  // A webhook route that handles Clerk's user.created is reported once, as the hook, with what it creates.
  const covered = new Set<SignupCandidate>();
  const hooks = findAuthHooks(ctx)
    .filter((h) => h.createsUsers)
    .map((hook): SignupHandler => {
      const inRoute = candidates.find((c) => c.route.fn && hook.hook && (c.route.ref?.file ?? c.route.file) === hook.file && contains(c.route.fn, hook.hook));
      if (inRoute) covered.add(inRoute);
      const creation = inRoute?.creation;
      return { ...hookToSignupHandler(hook), ...(creation ? { creates: { file: hook.file, line: lineOf(creation.node), call: creation.description } } : {}) };
    });
  const handlers = candidates
    .filter((c) => !covered.has(c))
    .map(({ route, creation }): SignupHandler => {
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
