// /_sandbox/*: controls for tests and the e2e harness. No API key, never faulted, never in the request log.
import type { Core, Fault, Quirks } from '../context.js';
import { json, type Reply, type Request } from '../http.js';
import { Router } from '../router.js';
import { Checker } from '../validate.js';

export function adminRouter(): Router {
  return new Router()
    .add('POST', '/_sandbox/faults', addFault)
    .add('GET', '/_sandbox/faults', (core) => json(200, { faults: core.faults.map(faultView) }))
    .add('DELETE', '/_sandbox/faults', (core) => {
      core.faults = [];
      return json(200, { faults: [] });
    })
    .add('POST', '/_sandbox/quirks', setQuirks)
    .add('GET', '/_sandbox/quirks', (core) => json(200, core.quirks))
    .add('GET', '/_sandbox/requests', (core) => json(200, core.requests))
    .add('DELETE', '/_sandbox/requests', (core) => {
      core.requests.length = 0;
      return json(200, []);
    })
    .add('GET', '/_sandbox/deliveries', (core) => json(200, core.webhooks.attempts))
    .add('POST', '/_sandbox/reset', (core) => {
      core.reset();
      return json(200, { reset: true });
    })
    .add('GET', '/_sandbox/state', (core) => json(200, core.state))
    .add('GET', '/_sandbox/clock', clockView)
    .add('POST', '/_sandbox/clock', advanceClock);
}

function faultView(fault: Fault): Record<string, unknown> {
  return {
    method: fault.method,
    path: fault.path,
    status: fault.network || fault.hang ? null : fault.status,
    network: fault.network,
    hang: fault.hang,
    body: fault.body,
    retryAfter: fault.retryAfter,
    count: fault.remaining,
  };
}

/**
 * The next `count` requests whose path starts with `path` (and method matches, when given) fail this way:
 * with `status` (a problem), `network` (the socket dropped), `hang` (never answered), or `body` (that text
 * with `status`, 200 by default: a proxy's HTML page).
 */
function addFault(core: Core, req: Request): Reply {
  const v = new Checker();
  const body = v.body(req.body);
  const method = v.string(body.method, 'method');
  const path = v.string(body.path, 'path', { required: true });
  if (path !== undefined && !path.startsWith('/')) v.invalid('path', 'must start with "/"');
  const status = v.number(body.status, 'status', { integer: true });
  const text = v.string(body.body, 'body') ?? null;
  // A body fault may answer 200 (a proxy's page that is not Credyt's JSON); a problem fault is an error.
  if (status !== undefined && (status < (text === null ? 400 : 200) || status > 599)) v.invalid('status', text === null ? 'must be an error status (400-599)' : 'must be a status (200-599)');
  const network = v.boolean(body.network, 'network') ?? false;
  const hang = v.boolean(body.hang, 'hang') ?? false;
  const count = v.number(body.count, 'count', { integer: true, min: 1 }) ?? 1;
  const retryAfter = v.number(body.retryAfter, 'retryAfter', { integer: true, min: 0 }) ?? null;
  v.done();
  const fault: Fault = { method: method ? method.toUpperCase() : null, path: path as string, status: status ?? (text === null ? 503 : 200), network, hang, body: text, retryAfter, remaining: count };
  core.faults.push(fault);
  return json(201, { faults: core.faults.map(faultView) });
}

function setQuirks(core: Core, req: Request): Reply {
  const v = new Checker();
  const body = v.body(req.body);
  const next: Partial<Quirks> = {};
  if (body.duplicateCustomerStatus !== undefined) {
    if (body.duplicateCustomerStatus === 409 || body.duplicateCustomerStatus === 422) next.duplicateCustomerStatus = body.duplicateCustomerStatus;
    else v.invalid('duplicateCustomerStatus', 'must be 409 or 422');
  }
  const lookup = v.oneOf(body.customerLookup, 'customerLookup', ['object', 'list'] as const);
  if (lookup) next.customerLookup = lookup;
  const pending = v.oneOf(body.pendingStatus, 'pendingStatus', ['pending', 'action_required'] as const);
  if (pending) next.pendingStatus = pending;
  const known = ['duplicateCustomerStatus', 'customerLookup', 'pendingStatus'];
  for (const key of Object.keys(body)) if (!known.includes(key)) v.invalid(key, 'is not a quirk');
  v.done();
  core.quirks = { ...core.quirks, ...next };
  return json(200, core.quirks);
}

function clockView(core: Core): Reply {
  return json(200, { now: core.iso(), offset_seconds: core.clockOffsetMs / 1000 });
}

/** Moves the sandbox clock forward (link expiry, timestamps); reset puts it back. */
function advanceClock(core: Core, req: Request): Reply {
  const v = new Checker();
  const body = v.body(req.body);
  const seconds = v.number(body.advanceSeconds, 'advanceSeconds', { required: true, min: 0 });
  v.done();
  core.clockOffsetMs += (seconds as number) * 1000;
  return clockView(core);
}
