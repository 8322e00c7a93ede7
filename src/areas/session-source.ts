// For a provider called as the signed-in user (the credits service): how a call site hands the billing module
// the incoming request whose session it forwards. A route handler's request parameter; nothing in Next.js
// app-router code (route handlers, server actions), where the module reads the request's headers itself.
import type { BillingConfig } from '../config/types.js';
import { paramName } from '../analysis/signed-in-user.js';
import type { FileHandler } from '../frameworks/handlers-in-file.js';
import type { Router } from '../detect/types.js';
import { roleOf } from '../frameworks/responses.js';
import { providerOf } from '../providers/registry.js';

/** `code`: the expression to pass as `session` (null: none needed); `reason`: why the site cannot be billed. */
export type SessionSource = { code: string | null } | { reason: string };

const NONE: SessionSource = { code: null };

export function sessionSource(config: BillingConfig, handler: FileHandler | null | undefined, where: { framework: string | null; router?: Router; file: string }): SessionSource {
  const provider = providerOf(config);
  if (!provider.forwardsSession) return NONE;
  const why = `${provider.name} is called with the signed-in user's session`;
  const role = handler ? roleOf(handler.kind) : null;
  // Outside a handler, code of an app-router-only Next.js app runs inside an app-router request (app/ code
  // always does); a pages-router helper may not, and next/headers works only in the app router.
  if (!handler && where.framework === 'next' && (where.router === 'app' || /(^|\/)app\//.test(where.file)) && !/(^|\/)pages\//.test(where.file)) return NONE;
  if (!handler || !role) return { reason: `${why}, and no request handler's request is in scope here to take it from` };
  if (role === 'next-route' || role === 'server-action') return NONE;
  const request = paramName(handler.fn, 0);
  return request ? { code: request } : { reason: `${why}, and the handler has no request parameter to take it from` };
}
