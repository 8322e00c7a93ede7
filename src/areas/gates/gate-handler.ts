// Gates one request handler: finds where the check goes, makes sure the customer is known there and the
// handler can answer 402, then inserts the two lines. When it cannot, it edits nothing but one marker and
// says why. Every check runs before the first edit, so a refused handler is never half-changed.
import type * as t from '@babel/types';
import type { JSCodeshift } from 'jscodeshift';
import type { ImportPlanner, ImportWish } from '../../ast/add-import.js';
import { addMarker, addPatternBinding, insertBefore, statementSlot } from '../../ast/edit.js';
import type { Node } from '../../ast/walk.js';
import type { Reporter } from '../../ast/transform.js';
import { applyStyle, type CodeStyle } from '../../ast/style.js';
import { refusalStatement, roleOf, type HandlerRole } from '../../frameworks/responses.js';
import { paramName } from '../../analysis/signed-in-user.js';
import { userAt } from '../billable-sites.js';
import { sessionSource } from '../session-source.js';
import { gateCode, sumEstimates, type GateCode } from './gate-code.js';
import { customerExpression } from './customer.js';
import { freeNameIn } from './names.js';
import { checkBalanceBefore, gatePoint, responseStartedBefore, type CallAt, type GatePoint } from './placement.js';
import type { GateOptions, HandlerWork } from './work.js';

export interface GateFile {
  j: JSCodeshift;
  path: string;
  text: string;
  style: CodeStyle;
  planner: ImportPlanner;
  billing: ImportWish;
  reporter: Reporter;
  options: GateOptions & { frameworkVersion?: string | null };
  /** NextResponse's local name when the file imports it from next/server. */
  nextResponse: string | null;
}

interface Ready {
  point: GatePoint;
  user: string;
  /** A destructured parameter to bind the session on first (see UserRef.bind). */
  bind?: { patternStart: number; property: string };
  role: HandlerRole;
  /** The response parameter to add (`reply`) when the handler has none. */
  addResponse: string | null;
  makeAsync: boolean;
  /** The request handed to the billing module, for a provider called with the user's session. */
  session: string | null;
}

interface Refusal {
  reason: string;
  /** Where the marker goes when not before the call: the statement that must come after the check. */
  markAt?: CallAt;
  /** The customer, when known, for the snippet. */
  user?: string;
}

/** Gates the handler; true when the file changed (a gate, or a marker saying why there is none). */
export function gateHandler(work: HandlerWork, file: GateFile): boolean {
  const point = gatePoint(work.handler.fn, work.sites);
  if ('reason' in point) return refuse(work, file, null, point);
  if (checkBalanceBefore(work.handler.fn, point.start)) return false;
  const ready = readyToGate(work, file, point);
  if ('reason' in ready) return refuse(work, file, point, ready);
  insertGate(work, file, ready);
  return true;
}

function readyToGate(work: HandlerWork, file: GateFile, point: GatePoint): Ready | Refusal {
  const fn = work.handler.fn;
  const role = roleOf(work.handler.kind);
  if (!role) return { reason: `a ${work.handler.kind} is not a request the app answers` };
  // Only what is in scope at the gate, in the handler's own body: not the callbacks the call sits in.
  const site = work.sites[0].site;
  const found = userAt({ ...site, fn, ancestors: site.ancestors.slice(0, site.ancestors.indexOf(fn) + 1) }, file.text, point.start, file.options);
  // A typed answer already reads each step as its type allows; an untyped one is made null-safe here.
  const user = found.user ? (found.user.type ? found.user.expression : customerExpression(found.user.expression, file.text, fn, point.start)) : undefined;
  if (!fn.async && !canMakeAsync(role, file.options.frameworkVersion ?? null)) {
    return { reason: `the handler is not async, and making it async would change how ${role === 'express' ? 'Express 4 handles its errors' : 'Fastify treats its reply'}`, user };
  }
  if ('generator' in fn && fn.generator) return { reason: 'the handler is a generator function', user };
  if (!user) return { reason: found.reason ?? 'the signed-in user is not known before the call' };
  const session = sessionSource(file.options.config, work.handler, { framework: file.options.framework, router: file.options.router, file: file.path });
  if ('reason' in session) return { reason: session.reason, user };
  const response = role === 'express' || role === 'fastify' || role === 'pages' ? paramName(fn, 1) : null;
  let addResponse: string | null = null;
  if ((role === 'express' || role === 'fastify' || role === 'pages') && !response) {
    if (!canAddResponseParam(work, file)) return { reason: 'the handler has no response parameter to answer 402 with', user };
    addResponse = role === 'fastify' ? 'reply' : 'res';
  }
  const started = responseStartedBefore(fn, response, point.start);
  if (started) return { reason: `the response has already started (${started.text} on line ${started.line}) when the call runs, so a 402 can no longer be sent there`, markAt: started.at, user };
  return { point, user, bind: found.user?.bind, role, addResponse, makeAsync: !fn.async, session: session.code };
}

/** Leaves the handler without a gate for `reason` (a skip, a manual step and one marker). */
export function refuseHandler(work: HandlerWork, file: GateFile, reason: string): boolean {
  const point = gatePoint(work.handler.fn, work.sites);
  return refuse(work, file, 'reason' in point ? null : point, { reason });
}

function insertGate(work: HandlerWork, file: GateFile, ready: Ready): void {
  const fn = work.handler.fn;
  const around = outerScopes(work);
  const responseParam = ready.addResponse ? freeNameIn(ready.addResponse, fn, around) : undefined;
  const billing = file.planner.use(file.billing);
  const code = gateCode({
    balance: freeNameIn('balance', fn, around, [billing, ...(responseParam ? [responseParam] : [])]),
    billing,
    user: ready.user,
    estimate: estimateOf(work),
    session: ready.session,
    refusal: refusalFor(work, file, ready.role, responseParam),
  });
  if (ready.makeAsync) fn.async = true;
  if (ready.bind) addPatternBinding(fn, ready.bind.patternStart, ready.bind.property, file.text);
  if (responseParam) fn.params.push(file.j.identifier(responseParam) as t.Identifier);
  const slot = statementSlot(ready.point.target, ready.point.ancestors);
  if (!slot) throw new Error(`${file.path}: no statement holds the billable call in ${work.handler.route ?? 'the handler'}`);
  insertBefore(slot, file.j(applyStyle(code, file.style)).get().node.program.body as t.Statement[]);
}

/** Reports a handler left without a gate: a skip with the reason, a manual step with a snippet, and one marker. */
function refuse(work: HandlerWork, file: GateFile, point: GatePoint | null, refusal: Refusal): boolean {
  const first = [...work.sites].sort((a, b) => (a.call.start ?? 0) - (b.call.start ?? 0))[0];
  const line = first.call.loc?.start.line ?? 0;
  const what = work.sites.length === 1 ? first.label : `${work.sites.length} billable calls`;
  const where = work.handler.route ?? 'this handler';
  file.reporter.skip(line, `no balance check for ${what} in ${where}: ${refusal.reason}`);
  file.reporter.manual(line, `Add a balance check before ${what} in ${where}; the tool did not, because ${refusal.reason}`, snippetFor(work, file, refusal.user));
  const at = refusal.markAt ?? (point ? { call: point.target, ancestors: point.ancestors } : first);
  const slot = statementSlot(at.call, at.ancestors);
  return slot ? addMarker(slot.statement, `check the balance before this (billing.checkBalance) and answer 402 when it is too low; not automated: ${refusal.reason}`) : false;
}

/** The gate a person can paste, with the customer left for them when the tool does not know it. */
function snippetFor(work: HandlerWork, file: GateFile, user: string | undefined): string {
  const role = roleOf(work.handler.kind) ?? 'express';
  const response = paramName(work.handler.fn, 1) ?? (role === 'fastify' ? 'reply' : 'res');
  const session = sessionSource(file.options.config, work.handler, { framework: file.options.framework, router: file.options.router, file: file.path });
  const request = 'code' in session ? session.code : (paramName(work.handler.fn, 0) ?? '/* the incoming request */');
  const code = gateCode({ balance: 'balance', billing: 'billing', user: user ?? '/* the signed-in user id */', estimate: estimateOf(work), session: request, refusal: refusalFor(work, file, role, response) });
  return applyStyle(code, file.style);
}

function refusalFor(work: HandlerWork, file: GateFile, role: HandlerRole, responseParam: string | undefined): GateCode['refusal'] {
  const nextResponse = file.nextResponse ?? undefined;
  const ctx = { role, fn: work.handler.fn, usesNextResponse: !!nextResponse, nextResponseName: nextResponse, responseParam, consistentReturn: file.options.lint?.consistentReturn === true };
  return (body, message) => refusalStatement(ctx, body, message) ?? '';
}

/** One check per request, for every billable call on its path. */
function estimateOf(work: HandlerWork): number {
  return sumEstimates(work.sites.map((s) => s.estimate));
}

/** The nodes around the handler function (for the scopes a new local name must not clash with). */
function outerScopes(work: HandlerWork): Node[] {
  const ancestors = work.sites[0].ancestors;
  return ancestors.slice(0, ancestors.indexOf(work.handler.fn));
}

/**
 * Next.js awaits every handler, and Express 5 catches a rejected handler; Express 4 would leave the
 * rejection unhandled, and Fastify treats a sync handler's reply differently from an async one's.
 */
function canMakeAsync(role: HandlerRole, frameworkVersion: string | null): boolean {
  if (role === 'next-route' || role === 'pages' || role === 'server-action') return true;
  if (role === 'express') return Number(/^(\d+)/.exec(frameworkVersion ?? '')?.[1] ?? 0) >= 5;
  return false;
}

/**
 * A response parameter can be added where its type needs no annotation: a JavaScript file, or a function
 * written inline in the route declaration (its parameters are typed by the framework).
 */
function canAddResponseParam(work: HandlerWork, file: GateFile): boolean {
  const fn = work.handler.fn;
  if (fn.params.length !== 1 || fn.params[0].type !== 'Identifier') return false;
  if (/\.[cm]?jsx?$/.test(file.path)) return true;
  const ancestors = work.sites[0].ancestors;
  const parent = ancestors[ancestors.indexOf(fn) - 1];
  return !!parent && (parent.type === 'CallExpression' || parent.type === 'ObjectProperty');
}
