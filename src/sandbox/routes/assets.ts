// POST /assets, GET /assets (paged), GET /assets/:code.
import { findAsset, parseAsset } from '../catalog.js';
import type { Core } from '../context.js';
import { json, page, type Reply, type Request } from '../http.js';
import { fieldProblem, notFound } from '../problems.js';
import type { Router } from '../router.js';
import { Checker } from '../validate.js';

export function assetRoutes(router: Router): void {
  router.add('POST', '/assets', createAsset);
  router.add('GET', '/assets', (core, req) => json(200, page(core.state.assets, req.query)));
  router.add('GET', '/assets/:code', getAsset);
}

function createAsset(core: Core, req: Request): Reply {
  const v = new Checker();
  const asset = parseAsset(req.body, v, '', core.iso());
  v.done();
  if (!asset) throw fieldProblem('body', 'is not an asset');
  if (findAsset(core.state, asset.code)) throw fieldProblem('code', `an asset with code "${asset.code}" already exists`);
  core.state.assets.push(asset);
  core.commit();
  return json(201, asset);
}

function getAsset(core: Core, req: Request): Reply {
  const asset = findAsset(core.state, req.params.code);
  if (!asset) throw notFound(`no asset with code "${req.params.code}"`);
  return json(200, asset);
}
