// POST /vendors (and POST /events/vendors, the path Credyt's profitability guide gives), GET /vendors
// (paged, ?external_id=), GET /vendors/:id. Costs on events name a vendor by id or external id.
import type { Core } from '../context.js';
import { json, page, type Reply, type Request } from '../http.js';
import { newId } from '../ids.js';
import { fieldProblem, notFound } from '../problems.js';
import type { Router } from '../router.js';
import type { State, Vendor } from '../types.js';
import { Checker } from '../validate.js';

export function vendorRoutes(router: Router): void {
  router.add('POST', '/vendors', createVendor);
  router.add('POST', '/events/vendors', createVendor);
  router.add('GET', '/vendors', listVendors);
  router.add('GET', '/vendors/:id', getVendor);
}

export function vendorList(state: State): Vendor[] {
  state.vendors ??= [];
  return state.vendors;
}

/** The vendor a cost names: by `vendor_id`, else by `vendor_external_id`. */
export function findVendor(state: State, ref: { id?: string; externalId?: string }): Vendor | undefined {
  return vendorList(state).find((v) => (ref.id !== undefined ? v.id === ref.id : v.external_id === ref.externalId));
}

export function addVendor(state: State, name: string, externalId: string, now: string, id = newId('vnd')): Vendor {
  const vendor: Vendor = { id, name, external_id: externalId, created_at: now };
  vendorList(state).push(vendor);
  return vendor;
}

function createVendor(core: Core, req: Request): Reply {
  const v = new Checker();
  const body = v.body(req.body);
  const name = v.string(body.name, 'name', { required: true });
  const externalId = v.string(body.external_id, 'external_id', { required: true });
  v.done();
  if (findVendor(core.state, { externalId })) throw fieldProblem('external_id', `a vendor with external_id "${externalId}" already exists`);
  const vendor = addVendor(core.state, name as string, externalId as string, core.iso());
  core.commit();
  return json(201, vendor);
}

function listVendors(core: Core, req: Request): Reply {
  const externalId = req.query.get('external_id');
  const vendors = vendorList(core.state).filter((v) => externalId === null || v.external_id === externalId);
  return json(200, page(vendors, req.query));
}

function getVendor(core: Core, req: Request): Reply {
  const vendor = findVendor(core.state, { id: req.params.id });
  if (!vendor) throw notFound(`no vendor with id "${req.params.id}"`);
  return json(200, vendor);
}
