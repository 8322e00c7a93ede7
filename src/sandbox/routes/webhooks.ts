// POST /webhooks (register a destination; the answer carries its signing secret), GET /webhooks, GET and
// DELETE /webhooks/:id. http:// URLs are accepted: receivers are local.
import type { Core } from '../context.js';
import { json, page, type Reply, type Request } from '../http.js';
import { newId, randomToken } from '../ids.js';
import { notFound } from '../problems.js';
import type { Router } from '../router.js';
import type { Webhook } from '../types.js';
import { Checker, item } from '../validate.js';

export function webhookRoutes(router: Router): void {
  router.add('POST', '/webhooks', register);
  router.add('GET', '/webhooks', (core, req) => json(200, page(core.state.webhooks, req.query)));
  router.add('GET', '/webhooks/:id', (core, req) => json(200, requireWebhook(core, req.params.id)));
  router.add('DELETE', '/webhooks/:id', remove);
}

function requireWebhook(core: Core, id: string): Webhook {
  const hook = core.state.webhooks.find((candidate) => candidate.id === id);
  if (!hook) throw notFound(`no webhook destination with id "${id}"`);
  return hook;
}

function register(core: Core, req: Request): Reply {
  const v = new Checker();
  const body = v.body(req.body);
  const url = v.url(body.url, 'url', { required: true });
  const topics = v.array(body.topics, 'topics', { nonEmpty: true }) ?? ['*'];
  topics.forEach((topic, i) => v.string(topic, item('topics', i), { required: true }));
  const connect = v.boolean(body.connect, 'connect');
  v.done();
  const hook: Webhook = {
    id: newId('whd'),
    url: url as string,
    topics: topics as string[],
    connect: connect ?? false,
    secret: `whsec_${randomToken(32)}`,
    created_at: core.iso(),
  };
  core.state.webhooks.push(hook);
  core.commit();
  return json(201, { id: hook.id, secret: hook.secret, created_at: hook.created_at });
}

function remove(core: Core, req: Request): Reply {
  const hook = requireWebhook(core, req.params.id);
  core.state.webhooks.splice(core.state.webhooks.indexOf(hook), 1);
  core.commit();
  return { status: 204 };
}
