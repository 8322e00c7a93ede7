// POST /events (validate the whole batch, then price and debit each new event), GET /events, GET /events/:id.
import type { Core } from '../context.js';
import { json, page, type Reply, type Request } from '../http.js';
import { ensureAccount, move } from '../ledger.js';
import { priceEvent } from '../pricing.js';
import { fieldProblem, notFound } from '../problems.js';
import type { Router } from '../router.js';
import { activeLines } from '../subscriptions.js';
import type { Customer, StoredEvent } from '../types.js';
import { Checker, type Json, field, item } from '../validate.js';
import { findCustomer } from './customers.js';
import { findVendor } from './vendors.js';

export function eventRoutes(router: Router): void {
  router.add('POST', '/events', postEvents);
  router.add('GET', '/events', listEvents);
  router.add('GET', '/events/:id', getEvent);
}

export interface EventInput {
  id: string;
  event_type: string;
  occurred_at: string;
  subject: string | null;
  description: string | null;
  data: Record<string, unknown>;
  costs: unknown[];
}

const MAX_BATCH = 1_000;

/** Validates `events[]` (POST /events and simulate-usage), naming each bad field as `events[i].<field>`. */
export function parseEvents(value: unknown, v: Checker, path = 'events'): EventInput[] {
  const events: EventInput[] = [];
  const list = v.array(value, path, { required: true, nonEmpty: true }) ?? [];
  if (list.length > MAX_BATCH) v.invalid(path, `must hold at most ${MAX_BATCH} events`);
  list.forEach((entry, i) => {
    const at = item(path, i);
    const event = v.object(entry, at, { required: true });
    if (!event) return;
    const id = v.string(event.id, field(at, 'id'), { required: true });
    const type = v.string(event.event_type, field(at, 'event_type'), { required: true });
    const occurredAt = v.timestamp(event.occurred_at, field(at, 'occurred_at'), { required: true });
    const subject = v.string(event.subject, field(at, 'subject'));
    const description = v.string(event.description, field(at, 'description'));
    const data = v.object(event.data, field(at, 'data'));
    const costs = v.array(event.costs, field(at, 'costs')) ?? [];
    costs.forEach((cost, j) => parseCost(cost, v, item(field(at, 'costs'), j)));
    if (id === undefined || type === undefined || occurredAt === undefined) return;
    events.push({ id, event_type: type, occurred_at: occurredAt, subject: subject ?? null, description: description ?? null, data: data ?? {}, costs });
  });
  return events;
}

/** A cost item: an amount and currency, paid to a vendor named by `vendor_id` or `vendor_external_id`. */
function parseCost(value: unknown, v: Checker, at: string): void {
  const cost = v.object(value, at, { required: true });
  if (!cost) return;
  v.number(cost.amount, field(at, 'amount'), { required: true, min: 0 });
  v.string(cost.currency, field(at, 'currency'), { required: true });
  v.string(cost.vendor_id, field(at, 'vendor_id'));
  v.string(cost.vendor_external_id, field(at, 'vendor_external_id'));
  if (cost.vendor_id == null && cost.vendor_external_id == null) v.invalid(field(at, 'vendor_external_id'), 'vendor_id or vendor_external_id is required');
}

/** Each cost's vendor must exist (created with POST /vendors), as Credyt attributes the cost to it. */
function checkVendors(core: Core, events: EventInput[]): void {
  events.forEach((event, i) =>
    (event.costs as Array<Record<string, string | undefined>>).forEach((cost, j) => {
      if (findVendor(core.state, { id: cost.vendor_id ?? undefined, externalId: cost.vendor_external_id ?? undefined })) return;
      const key = cost.vendor_id != null ? 'vendor_id' : 'vendor_external_id';
      throw fieldProblem(`events[${i}].costs[${j}].${key}`, `no vendor with ${key === 'vendor_id' ? 'id' : 'external_id'} "${cost[key]}" (create it with POST /vendors)`);
    }),
  );
}

function postEvents(core: Core, req: Request): Reply {
  const v = new Checker();
  const body = v.body(req.body);
  const customerId = v.string(body.customer_id, 'customer_id');
  const externalId = v.string(body.customer_external_id, 'customer_external_id');
  if (body.customer_id == null && body.customer_external_id == null) {
    v.invalid('customer_id', 'customer_id or customer_external_id is required');
  }
  const events = parseEvents(body.events, v);
  v.done();
  const customer = resolveCustomer(core, customerId, externalId);
  checkVendors(core, events);

  // Idempotency by event id: an id seen before (or earlier in this batch) is accepted and not billed again.
  const seen = new Set(core.state.events.map((event) => event.id));
  const lines = activeLines(core.state, customer);
  const results: Array<{ id: string; duplicate: boolean }> = [];
  for (const input of events) {
    if (seen.has(input.id)) {
      results.push({ id: input.id, duplicate: true });
      continue;
    }
    seen.add(input.id);
    const priced = priceEvent(input, lines);
    for (const fee of priced.fees) move(ensureAccount(core.state, customer.id, fee.asset), -fee.amount);
    const stored: StoredEvent = { ...input, customer_id: customer.id, fees: priced.fees, notes: priced.notes, received_at: core.iso() };
    core.state.events.push(stored);
    results.push({ id: input.id, duplicate: false });
  }
  core.commit();
  return json(201, { events: results });
}

function resolveCustomer(core: Core, customerId: string | undefined, externalId: string | undefined): Customer {
  if (customerId !== undefined) {
    const customer = findCustomer(core, customerId);
    if (!customer) throw fieldProblem('customer_id', `no customer with id "${customerId}"`);
    if (externalId !== undefined && customer.external_id !== externalId) {
      throw fieldProblem('customer_external_id', `does not belong to customer "${customerId}"`);
    }
    return customer;
  }
  const customer = core.state.customers.find((candidate) => candidate.external_id === externalId);
  if (!customer) throw fieldProblem('customer_external_id', `no customer with external_id "${externalId}"`);
  return customer;
}

function listEvents(core: Core, req: Request): Reply {
  const customerId = req.query.get('customer_id');
  const newestFirst = [...core.state.events].reverse();
  const events = customerId === null ? newestFirst : newestFirst.filter((event) => event.customer_id === customerId);
  return json(200, page(events, req.query, (event) => eventView(core, event)));
}

function getEvent(core: Core, req: Request): Reply {
  const event = core.state.events.find((candidate) => candidate.id === req.params.id);
  if (!event) throw notFound(`no event with id "${req.params.id}"`);
  return json(200, eventView(core, event));
}

function eventView(core: Core, event: StoredEvent): Json {
  return {
    id: event.id,
    customer_id: event.customer_id,
    event_type: event.event_type,
    occurred_at: event.occurred_at,
    subject: event.subject,
    description: event.description,
    data: event.data,
    costs: event.costs,
    fees: event.fees,
    notes: event.notes,
    margin: marginOf(core, event),
    received_at: event.received_at,
  };
}

/**
 * What the event earned over what it cost, in USD: its fees (a custom asset converted at its USD rate) less
 * its costs. Null when a fee or a cost cannot be put in USD.
 */
function marginOf(core: Core, event: StoredEvent): { currency: 'USD'; revenue: number; costs: number; net: number } | null {
  let revenue = 0;
  for (const fee of event.fees) {
    const rate = fee.asset === 'USD' ? 1 : core.state.assets.find((a) => a.code === fee.asset)?.rates.find((r) => r.source === 'USD')?.rate;
    if (rate === undefined) return null;
    revenue += fee.amount * rate;
  }
  let costs = 0;
  for (const cost of event.costs as Array<{ amount: number; currency: string }>) {
    if (cost.currency !== 'USD') return null;
    costs += cost.amount;
  }
  const round = (n: number) => Math.round(n * 1e10) / 1e10;
  return { currency: 'USD', revenue: round(revenue), costs: round(costs), net: round(revenue - costs) };
}
