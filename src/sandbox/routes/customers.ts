// POST /customers, GET /customers (paged, or `?external_id=` lookup), GET /customers/:id.
import type { Core } from '../context.js';
import { json, page, type Reply, type Request } from '../http.js';
import { newId } from '../ids.js';
import { Problem, fieldProblem, notFound } from '../problems.js';
import type { Router } from '../router.js';
import { announce, customerView, parsePlans, subscribe } from '../subscriptions.js';
import type { Customer } from '../types.js';
import { Checker } from '../validate.js';

export function customerRoutes(router: Router): void {
  router.add('POST', '/customers', createCustomer);
  router.add('GET', '/customers', listCustomers);
  router.add('GET', '/customers/:id', getCustomer);
}

function createCustomer(core: Core, req: Request): Reply {
  const v = new Checker();
  const body = v.body(req.body);
  const name = v.string(body.name, 'name', { required: true });
  const email = v.string(body.email, 'email');
  const externalId = v.string(body.external_id, 'external_id');
  if (externalId !== undefined && externalId.trim() === '') v.invalid('external_id', 'must not be empty');
  const plans = parsePlans(body.subscriptions, v, core.state);
  v.done();

  if (externalId !== undefined && core.state.customers.some((customer) => customer.external_id === externalId)) {
    const message = `a customer with external_id "${externalId}" already exists`;
    if (core.quirks.duplicateCustomerStatus === 409) throw new Problem(409, message);
    throw fieldProblem('external_id', message);
  }

  const customer: Customer = {
    id: newId('cust'),
    external_id: externalId ?? null,
    name: name as string,
    email: email ?? null,
    created_at: core.iso(),
    subscriptions: [],
  };
  core.state.customers.push(customer);
  const active = subscribe(core, customer, plans);
  core.commit();
  announce(core, customer, active);
  return json(201, customerView(core, customer));
}

function listCustomers(core: Core, req: Request): Reply {
  const externalId = req.query.get('external_id');
  if (externalId === null) return json(200, page(core.state.customers, req.query, (customer) => customerView(core, customer)));
  const matches = core.state.customers.filter((customer) => customer.external_id === externalId);
  if (core.quirks.customerLookup === 'list') return json(200, page(matches, req.query, (customer) => customerView(core, customer)));
  if (matches.length === 0) throw notFound(`no customer with external_id "${externalId}"`);
  return json(200, customerView(core, matches[0]));
}

function getCustomer(core: Core, req: Request): Reply {
  return json(200, customerView(core, requireCustomer(core, req.params.id)));
}

export function findCustomer(core: Core, id: string): Customer | undefined {
  return core.state.customers.find((candidate) => candidate.id === id);
}

export function requireCustomer(core: Core, id: string): Customer {
  const customer = findCustomer(core, id);
  if (!customer) throw notFound(`no customer with id "${id}"`);
  return customer;
}
