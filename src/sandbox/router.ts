// Method + path pattern routing (`/customers/:id/wallet/:accountId`). Path segments are URL-decoded, so
// `default%3AUSD` and `default:USD` reach a handler the same. A literal segment wins over a parameter.
import type { Core } from './context.js';
import type { Reply, Request } from './http.js';

export type Handler = (core: Core, req: Request) => Reply;

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

export type Match = { handler: Handler; params: Record<string, string> } | { allowed: string[] } | undefined;

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, segments: split(pattern), handler });
    return this;
  }

  /** The handler, or the methods this path does allow (a 405), or undefined (a 404). */
  match(method: string, path: string): Match {
    let segments: string[];
    try {
      segments = split(path).map((segment) => decodeURIComponent(segment));
    } catch {
      return undefined;
    }
    const candidates = this.routes
      .map((route) => ({ route, params: bind(route.segments, segments) }))
      .filter((entry): entry is { route: Route; params: Record<string, string> } => entry.params !== undefined)
      .sort((a, b) => literals(b.route) - literals(a.route));
    const hit = candidates.find((entry) => entry.route.method === method);
    if (hit) return { handler: hit.route.handler, params: hit.params };
    if (candidates.length > 0) return { allowed: [...new Set(candidates.map((entry) => entry.route.method))] };
    return undefined;
  }
}

function split(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function literals(route: Route): number {
  return route.segments.filter((segment) => !segment.startsWith(':')).length;
}

function bind(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i];
    if (expected.startsWith(':')) params[expected.slice(1)] = segments[i];
    else if (expected !== segments[i]) return undefined;
  }
  return params;
}
