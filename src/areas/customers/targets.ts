// Turns what detection found (signup routes, auth-library hooks) into the targets the customers transform
// edits, keyed by file.
import { contains } from '../../ast/walk.js';
import type { AuthHook } from '../../detect/auth-hooks.js';
import { findSignupRoutes } from '../../detect/signup-handlers.js';
import type { UserCreation } from '../../detect/user-creation.js';
import { describeRoute, type RouteHandler } from '../../frameworks/types.js';
import type { SignupTarget } from './types.js';

export interface FileTarget {
  file: string;
  target: SignupTarget;
}

const HOOK_LABELS: Record<AuthHook['library'], string> = {
  'next-auth': 'next-auth events.createUser',
  'better-auth': 'better-auth databaseHooks.user.create.after',
  clerk: "Clerk's user.created webhook",
};

/** The signup route as a target in the file that defines its function. */
export function routeTarget(route: RouteHandler): FileTarget | null {
  if (!route.fn || route.fn.start === null || route.fn.start === undefined) return null;
  return { file: route.ref?.file ?? route.file, target: { kind: 'handler', start: route.fn.start, handler: route.kind, label: describeRoute(route) } };
}

/**
 * The hook as a target, or the reason it gets none: next-auth without an adapter never creates users
 * itself (credentials and JWT sessions), so an `events.createUser` there would never run.
 */
export function hookTarget(hook: AuthHook): FileTarget | { skip: string } {
  const label = HOOK_LABELS[hook.library];
  if (hook.library === 'clerk') {
    const start = hook.hook?.start;
    return typeof start === 'number' ? { file: hook.file, target: { kind: 'clerk', start, label } } : { skip: `${label} in ${hook.file} could not be located` };
  }
  const start = hook.config?.start;
  if (!hook.config || typeof start !== 'number') return { skip: `${label}: the config in ${hook.file} is not an object literal` };
  if (!hook.createsUsers) {
    return { skip: `next-auth in ${hook.file} has no adapter, so it never creates users itself (events.createUser would not run); customer creation goes where the app creates users` };
  }
  return { file: hook.file, target: { kind: hook.library, start, label } };
}

/** better-auth's own sign-up API: it runs databaseHooks.user.create.after itself. */
const BETTER_AUTH_SIGNUP = /\bapi\.signUp\w*\(\)$/;

/**
 * Signup routes as targets, except a webhook route that handles Clerk's user.created and a route that signs
 * up through better-auth's API while the better-auth hook is edited (both are the hook's to cover).
 */
export function signupRouteTargets(
  routes: RouteHandler[],
  hooks: AuthHook[],
  notes: string[] = [],
  /** Where the customer goes instead of the route (the service that creates the row), when somewhere else. */
  elsewhere: (target: FileTarget, creation: UserCreation) => FileTarget | null = () => null,
): FileTarget[] {
  const out: FileTarget[] = [];
  const betterAuthHook = hooks.some((h) => h.library === 'better-auth' && h.config);
  for (const { route, creation } of findSignupRoutes(routes)) {
    const target = routeTarget(route);
    const hookInside = hooks.some((h) => h.hook && h.file === target?.file && route.fn && contains(route.fn, h.hook));
    if (!target || hookInside) continue;
    if (betterAuthHook && creation && BETTER_AUTH_SIGNUP.test(creation.description)) {
      notes.push(`${target.target.label} signs up through better-auth (${creation.description}), which runs databaseHooks.user.create.after: the hook covers it.`);
      continue;
    }
    const moved = creation ? elsewhere(target, creation) : null;
    if (moved) notes.push(`${target.target.label} creates the user through ${moved.target.label.split(' (')[0]}, whose result has no id of the new user: the customer is created there, where the row is.`);
    out.push(moved ?? target);
  }
  return out;
}
