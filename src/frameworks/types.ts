// What a framework adapter reports about request handlers, independent of the framework.
import type { FunctionNode } from '../ast/nodes.js';
import type { Node } from '../ast/walk.js';
import type { HandlerKind } from '../detect/types.js';

export interface HandlerRef {
  /** The name the handler is exported under in `file` (`register`, `default`). */
  exportName: string;
  /** The project file that defines it. */
  file: string;
}

export interface RouteHandler {
  kind: HandlerKind;
  file: string;
  line: number;
  /** `POST`, or null when any method reaches it (pages API routes branch on req.method inside). */
  method: string | null;
  /** Route path as declared, with known prefixes (`/api/auth/signup`), or null. */
  path: string | null;
  /** The handler function, when it is written in this file. */
  fn: FunctionNode | null;
  fnAncestors: Node[];
  /** The handler is defined in another file and passed by name. */
  ref?: HandlerRef;
  /** Names of middleware/preHandlers in front of it (`requireAdmin`). */
  middleware: string[];
  /** The export name of a server action or route handler (`signup`, `POST`). */
  name?: string;
}

export function describeRoute(route: RouteHandler): string {
  if (route.kind === 'next-server-action') return `server action ${route.name ?? '(inline)'}`;
  return [route.method ?? 'ANY', route.path ?? '(dynamic path)'].join(' ');
}
