// Product catalog: create, list (`?code=`), read, new version, publish / make default, simulate usage.
import { createProduct, findProduct, findVersion, parseProduct, productView, versionOf } from '../catalog.js';
import type { Core } from '../context.js';
import { json, page, type Reply, type Request } from '../http.js';
import { priceEvent } from '../pricing.js';
import { fieldProblem, notFound } from '../problems.js';
import type { Router } from '../router.js';
import type { Product, ProductVersion } from '../types.js';
import { addAmounts } from '../money.js';
import { Checker } from '../validate.js';
import { parseEvents } from './events.js';

export function productRoutes(router: Router): void {
  router.add('POST', '/products', create);
  router.add('GET', '/products', list);
  router.add('GET', '/products/:id', (core, req) => json(200, productView(requireProduct(core, req.params.id))));
  router.add('POST', '/products/:id', addVersion);
  router.add('GET', '/products/:id/:version', (core, req) => {
    const product = requireProduct(core, req.params.id);
    return json(200, productView(product, requireVersion(product, req.params.version)));
  });
  router.add('PATCH', '/products/:id/:version', patchVersion);
  router.add('POST', '/products/:id/:version/simulate-usage', simulate);
}

function requireProduct(core: Core, id: string): Product {
  const product = findProduct(core.state, id);
  if (!product) throw notFound(`no product with id "${id}"`);
  return product;
}

function requireVersion(product: Product, version: string): ProductVersion {
  if (version !== 'default' && !/^\d+$/.test(version)) throw notFound(`product version must be a number or "default", not "${version}"`);
  const found = findVersion(product, version);
  if (!found) throw notFound(`product "${product.code}" has no ${version === 'default' ? 'default version' : `version ${version}`}`);
  return found;
}

function create(core: Core, req: Request): Reply {
  const v = new Checker();
  const input = parseProduct(req.body, v, core.state);
  v.done();
  if (!input) throw fieldProblem('body', 'is not a product');
  if (core.state.products.some((product) => product.code === input.code)) throw fieldProblem('code', `a product with code "${input.code}" already exists`);
  const product = createProduct(core.state, input, core.iso());
  core.commit();
  return json(201, productView(product, product.versions[0]));
}

function list(core: Core, req: Request): Reply {
  const code = req.query.get('code');
  const products = code === null ? core.state.products : core.state.products.filter((product) => product.code === code);
  return json(200, page(products, req.query, (product) => productView(product)));
}

/** POST /products/:id: a new version from a full definition; it becomes default only when asked or when none is. */
function addVersion(core: Core, req: Request): Reply {
  const product = requireProduct(core, req.params.id);
  const v = new Checker();
  const body = v.body(req.body);
  const input = parseProduct({ code: product.code, name: product.name, ...body }, v, core.state);
  const makeDefault = v.boolean(body.make_default, 'make_default');
  if (input && input.code !== product.code) v.invalid('code', `must stay "${product.code}"`);
  v.done();
  if (!input) throw fieldProblem('body', 'is not a product');
  const version = versionOf(input, product.versions.length + 1, core.iso());
  product.versions.push(version);
  if (version.published && (makeDefault || product.default_version === null)) product.default_version = version.version;
  core.commit();
  return json(201, productView(product, version));
}

function patchVersion(core: Core, req: Request): Reply {
  const product = requireProduct(core, req.params.id);
  const version = requireVersion(product, req.params.version);
  const v = new Checker();
  const body = v.body(req.body);
  const publish = v.boolean(body.publish, 'publish');
  const makeDefault = v.boolean(body.make_default, 'make_default');
  if (makeDefault && !(publish ?? version.published)) v.invalid('make_default', 'only a published version can be the default');
  v.done();
  if (publish !== undefined) version.published = publish;
  if (makeDefault) product.default_version = version.version;
  if (!version.published && product.default_version === version.version) product.default_version = null;
  core.commit();
  return json(200, productView(product, version));
}

/** Fees each event would cost under this one product version, computed as POST /events does; changes nothing. */
function simulate(core: Core, req: Request): Reply {
  const product = requireProduct(core, req.params.id);
  const version = requireVersion(product, req.params.version);
  const v = new Checker();
  const body = v.body(req.body);
  const events = parseEvents(body.events, v);
  v.done();
  const totals = new Map<string, number>();
  const results = events.map((event) => {
    const priced = priceEvent(event, [{ product, version }]);
    for (const fee of priced.fees) totals.set(fee.asset, addAmounts(totals.get(fee.asset) ?? 0, fee.amount));
    return { id: event.id, event_type: event.event_type, fees: priced.fees, notes: priced.notes };
  });
  return json(200, {
    product_id: product.id,
    product_code: product.code,
    version: version.version,
    events: results,
    totals: [...totals].map(([asset, amount]) => ({ asset, amount })),
  });
}
