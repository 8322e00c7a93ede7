// Places where an auth library creates users itself: next-auth / Auth.js `events.createUser`, better-auth
// `databaseHooks.user.create.after`, and a Clerk `user.created` webhook handler. Hooks also cover users
// created by OAuth sign-in, which route handlers never see.
import type * as t from '@babel/types';
import { collectImports } from '../ast/imports.js';
import { getProperty, getPropertyValue, lineOf, stringValue } from '../ast/nodes.js';
import { findAll, walk, type Node } from '../ast/walk.js';
import type { PackageContext } from './package-context.js';
import type { SignupHandler } from './types.js';

export type AuthHookKind = 'next-auth' | 'better-auth' | 'clerk';

export interface AuthHook {
  library: AuthHookKind;
  file: string;
  /** The auth config object (next-auth options, betterAuth({...}) argument). */
  config: t.ObjectExpression | null;
  configAncestors: Node[];
  /** The existing hook function, when the app already has one. */
  hook: Node | null;
  line: number;
  /**
   * Whether the library creates users here. next-auth does only with an `adapter` (credentials with JWT
   * sessions never do, and `events.createUser` never fires there).
   */
  createsUsers: boolean;
}

// What the parse below needs, as text: an import of next-auth or Auth.js other than its client library
// 'next-auth/react' (a component's `useSession` is no config), with what the parse takes for its config (an
// object with a `providers` member, or next-auth's default export called: `import NextAuth from
// 'next-auth'`); an import of better-auth and a call of `betterAuth`; or the string 'user.created' in a file
// that names Clerk or svix (its webhooks' signer: `new Webhook(...)` from 'svix', `verifyWebhook` from
// '@clerk/nextjs/webhooks', CLERK_WEBHOOK_SECRET). An event-name table elsewhere (medusa's
// `UserWorkflowEvents = { CREATED: "user.created" }`) is no webhook. (`@better-auth/core/utils/ip` alone is
// not a hook.)
const NEXT_AUTH_IMPORT = /['"`](?:next-auth(?:['"`]|\/(?!react['"`]))|@auth\/)/;
// A member: after `{`, `,` or at a line's start (`const providers: Provider[] = []` is a variable).
const PROVIDERS_MEMBER = /(?:[{,]|^)\s*['"`]?providers['"`]?\s*[:,}(]/m;
const NEXT_AUTH_DEFAULT = /import\s+(?:type\s+)?(?:[\w$]+\s*(?:,\s*\{[^}]*\}\s*)?|\*\s*as\s+[\w$]+\s+)from\s*['"`]next-auth['"`]|require\(\s*['"`]next-auth['"`]\s*\)/;
const BETTER_AUTH_IMPORT = /['"`]better-auth['"`/]/;
const CLERK_EVENT = /['"`]user\.created['"`]/;
const CLERK_OR_SVIX = /clerk|svix/i;

/** Whether a file's text may handle Clerk's user.created webhook event. */
const mayHandleClerkEvent = (text: string) => text.includes('user.created') && CLERK_EVENT.test(text) && CLERK_OR_SVIX.test(text);

// One of the literals every test below needs. The three library names share `uth`, and one literal is
// found far faster than an alternation is tried at every position: `uth`, then the names in the few files
// that have it, then `user.created` (langfuse's web: 101 -> 33 ms for the first test, formbricks' 84 -> 56).
const HAS_UTH = /uth/;
const LIBRARY_WORDS = /next-auth|@auth\/|betterAuth/;
const CLERK_WORD = /user\.created/;

/** Whether a file's text may hold an auth library's user-creation hook (the parse decides). */
export function mayHoldAuthHook(text: string): boolean {
  if (!(HAS_UTH.test(text) && LIBRARY_WORDS.test(text)) && !CLERK_WORD.test(text)) return false;
  // Each pattern after a literal its matches contain: a substring search is far faster than the scan.
  return (
    ((text.includes('next-auth') || text.includes('@auth/')) && NEXT_AUTH_IMPORT.test(text) && ((text.includes('providers') && PROVIDERS_MEMBER.test(text)) || NEXT_AUTH_DEFAULT.test(text))) ||
    (text.includes('betterAuth') && BETTER_AUTH_IMPORT.test(text)) ||
    mayHandleClerkEvent(text)
  );
}

export function findAuthHooks(ctx: PackageContext): AuthHook[] {
  const hooks: AuthHook[] = [];
  for (const [file, text] of ctx.sources) {
    if (!mayHoldAuthHook(text)) continue;
    const ast = ctx.parse(file);
    if (!ast) continue;
    const sources = new Set(collectImports(ast).map((i) => i.source));
    const fromNextAuth = [...sources].some((s) => s === 'next-auth' || (s.startsWith('next-auth/') && s !== 'next-auth/react') || s.startsWith('@auth/'));
    if (fromNextAuth) hooks.push(...nextAuthHooks(file, ast, nextAuthCallees(ast)));
    if ([...sources].some((s) => s === 'better-auth' || s.startsWith('better-auth/'))) hooks.push(...betterAuthHooks(file, ast));
    if (mayHandleClerkEvent(text)) hooks.push(...clerkWebhooks(file, ast));
  }
  return hooks;
}

/** Local names of the next-auth entry point (`NextAuth` imported as the default of 'next-auth'). */
function nextAuthCallees(ast: t.File): Set<string> {
  return new Set(collectImports(ast).filter((i) => i.source === 'next-auth' && (i.imported === 'default' || i.imported === '*')).map((i) => i.local));
}

/**
 * next-auth options: objects that list `providers`, and the object passed to `NextAuth(...)` (v5 configs
 * often spread `providers` in from auth.config.ts and add only the adapter here).
 */
function nextAuthHooks(file: string, ast: t.File, callees: Set<string>): AuthHook[] {
  const isConfig = (n: Node, parent: Node | undefined): n is t.ObjectExpression =>
    n.type === 'ObjectExpression' &&
    (getProperty(n, 'providers') !== null ||
      (parent?.type === 'CallExpression' && parent.arguments[0] === n && parent.callee.type === 'Identifier' && callees.has(parent.callee.name)));
  const configs: Array<{ node: t.ObjectExpression; ancestors: Node[] }> = [];
  walk(ast.program, (node, ancestors) => {
    if (isConfig(node, ancestors[ancestors.length - 1])) configs.push({ node, ancestors: [...ancestors] });
  });
  // `NextAuth({ ...authOptions })` is the `authOptions` object again, not a second config without an adapter.
  const named = new Map<string, t.ObjectExpression>();
  for (const { node, ancestors } of configs) {
    const parent = ancestors[ancestors.length - 1];
    if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') named.set(parent.id.name, node);
  }
  const spreadsConfig = (node: t.ObjectExpression) => node.properties.some((p) => p.type === 'SpreadElement' && p.argument.type === 'Identifier' && named.has(p.argument.name) && named.get(p.argument.name) !== node);
  return configs.filter(({ node }) => !spreadsConfig(node)).map(({ node, ancestors }) => {
    const hook = getPropertyValue(getPropertyValue(node, 'events'), 'createUser');
    const createsUsers = hook !== null || getProperty(node, 'adapter') !== null;
    return { library: 'next-auth' as const, file, config: node, configAncestors: ancestors, hook, line: lineOf(hook ?? node), createsUsers };
  });
}

function betterAuthHooks(file: string, ast: t.File): AuthHook[] {
  const calls = findAll(ast.program, (n): n is t.CallExpression => n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'betterAuth');
  return calls.map(({ node, ancestors }) => {
    const config = node.arguments[0]?.type === 'ObjectExpression' ? node.arguments[0] : null;
    const create = getPropertyValue(getPropertyValue(getPropertyValue(config, 'databaseHooks'), 'user'), 'create');
    const hook = getPropertyValue(create, 'after');
    return { library: 'better-auth' as const, file, config, configAncestors: [...ancestors, node], hook, line: lineOf(hook ?? node), createsUsers: true };
  });
}

/** A webhook handler that branches on Clerk's `user.created` event type. */
function clerkWebhooks(file: string, ast: t.File): AuthHook[] {
  let found: Node | null = null;
  walk(ast.program, (node) => {
    if (!found && stringValue(node) === 'user.created') found = node;
  });
  return found ? [{ library: 'clerk', file, config: null, configAncestors: [], hook: found, line: lineOf(found), createsUsers: true }] : [];
}

export function hookToSignupHandler(hook: AuthHook): SignupHandler {
  const names: Record<AuthHookKind, string> = {
    'next-auth': 'next-auth events.createUser',
    'better-auth': 'better-auth databaseHooks.user.create.after',
    clerk: 'clerk user.created webhook',
  };
  const reason =
    hook.library === 'clerk'
      ? 'handles Clerk user.created webhook events'
      : hook.hook
        ? `${names[hook.library]} runs for every new user`
        : `${hook.library} creates users; ${names[hook.library]} can be added`;
  return { file: hook.file, line: hook.line, kind: 'auth-hook', reason, hook: names[hook.library] };
}
