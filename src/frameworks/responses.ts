// How each kind of handler answers "402 Payment Required", and how it hands off work that must not delay
// the response. Areas ask; the code written is the framework's own idiom.
import { isFunction, type FunctionNode } from '../ast/nodes.js';
import { walk } from '../ast/walk.js';
import type { HandlerKind } from '../detect/types.js';
import { paramName } from '../analysis/signed-in-user.js';

export type HandlerRole = 'express' | 'fastify' | 'next-route' | 'server-action' | 'pages';

export function roleOf(kind: HandlerKind): HandlerRole | null {
  switch (kind) {
    case 'express-route':
      return 'express';
    case 'fastify-route':
      return 'fastify';
    case 'next-route-handler':
      return 'next-route';
    case 'next-server-action':
      return 'server-action';
    case 'next-pages-api':
      return 'pages';
    default:
      return null;
  }
}

export interface RefusalContext {
  role: HandlerRole;
  fn: FunctionNode;
  /** The file already imports NextResponse from next/server. */
  usesNextResponse?: boolean;
  /** NextResponse's local name in the file, when it is imported under another name. */
  nextResponseName?: string;
  /** The response parameter to answer with, when the caller adds one the function does not have yet. */
  responseParam?: string;
  /** The app's lint wants every return of a function to return a value or none (consistent-return). */
  consistentReturn?: boolean;
}

/**
 * The statement that refuses with 402 and `body` (an expression) — or for server actions, the app's own
 * error return (`return { error: message }`) when it has one, else a thrown Error. Null when the handler
 * has no response object to answer with.
 */
export function refusalStatement(ctx: RefusalContext, body: string, message: string): string | null {
  switch (ctx.role) {
    case 'express':
    case 'pages': {
      const res = ctx.responseParam ?? paramName(ctx.fn, 1);
      return res ? answerAndReturn(ctx, `${res}.status(402).json(${body})`) : null;
    }
    case 'fastify': {
      const reply = ctx.responseParam ?? paramName(ctx.fn, 1);
      return reply ? answerAndReturn(ctx, `${reply}.code(402).send(${body})`) : null;
    }
    case 'next-route':
      return `return ${ctx.usesNextResponse ? (ctx.nextResponseName ?? 'NextResponse') : 'Response'}.json(${body}, { status: 402 });`;
    case 'server-action': {
      const key = actionErrorKey(ctx.fn);
      return key ? `return { ${key}: ${message} };` : `throw new Error(${message});`;
    }
  }
}

/**
 * `return res.status(402).json(body);`, or the answer then a bare `return;` in a handler that returns no
 * value anywhere when the app's lint wants consistent returns or the handler already returns that way.
 */
function answerAndReturn(ctx: RefusalContext, answer: string): string {
  const returns = ownReturns(ctx.fn);
  const bare = returns.length > 0 ? returns.every((r) => !r.argument) : ctx.consistentReturn === true;
  return bare ? `{\n  ${answer};\n  return;\n}` : `return ${answer};`;
}

function ownReturns(fn: FunctionNode): Array<{ argument?: unknown }> {
  const out: Array<{ argument?: unknown }> = [];
  walk(fn.body, (node) => {
    if (node !== fn.body && isFunction(node)) return 'skip';
    if (node.type === 'ReturnStatement') out.push(node);
  });
  return out;
}

/** The key a server action already uses to return errors (`return { error: '...' }`), if any. */
export function actionErrorKey(fn: FunctionNode): string | null {
  let key: string | null = null;
  walk(fn.body, (node) => {
    if (key || node.type !== 'ReturnStatement' || node.argument?.type !== 'ObjectExpression') return;
    for (const prop of node.argument.properties) {
      if (prop.type === 'ObjectProperty' && prop.key.type === 'Identifier' && /^(error|errors|message)$/.test(prop.key.name)) {
        key = prop.key.name === 'errors' ? 'error' : prop.key.name;
      }
    }
  });
  return key;
}

/**
 * How to send work that must not delay or fail the response: app-router handlers and server actions use
 * `after()` where the installed Next.js has it (15.1+), else await it; long-lived servers fire and forget
 * (the billing module logs failures itself).
 */
/**
 * How a usage event leaves a handler without holding its response: `after()` where Next.js has it (the app
 * router, 15.1+), else started and not awaited (the module retries in the background, same event id).
 */
export function backgroundStyle(role: HandlerRole, nextVersion: string | null): 'after' | 'void' {
  if (role === 'express' || role === 'fastify' || role === 'pages') return 'void';
  return nextHasAfter(nextVersion) ? 'after' : 'void';
}

export function nextHasAfter(version: string | null): boolean {
  const m = version ? /^(\d+)\.(\d+)/.exec(version) : null;
  if (!m) return false;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return major > 15 || (major === 15 && minor >= 1);
}
