// The sites of one file, read on the untouched tree before any edit: every billable call (and every call
// of a helper the area planned), the configured event, the signed-in user at the call, the request's model.
import { sessionSource } from '../session-source.js';
import { findBillableSites, userAt } from '../billable-sites.js';
import type { FileEdit } from './file-edit.js';
import { helperCalls, isServerAction } from './helper-plan.js';
import { requestModelOf, siteLabel, type SiteTask } from './site-task.js';

export function siteTasks(edit: FileEdit): SiteTask[] {
  const { options } = edit;
  const helpers = options.helpers ?? [];
  const calls = helperCalls(edit.ast, edit.path, helpers, options.resolve ?? (() => null), options.origin);
  const sites = findBillableSites(edit.ast, edit.path, { ...options, extraCalls: (call) => calls.get(call)?.match ?? null });
  const tasks: SiteTask[] = [];
  for (const site of sites) {
    const label = siteLabel(site);
    if (!site.event) {
      edit.skip(site.call, `${label}: no event in billing.config.json covers this call (add it to an event's calls to bill it)`);
      continue;
    }
    const viaHelper = calls.get(site.call) ?? null;
    const helper = site.fn ? helpers.find((h) => h.file === edit.path && h.start === site.fn?.start) : undefined;
    if (helper?.mode === 'callers') {
      edit.reporter.note(`${helper.localName ?? 'a helper'}() in ${helper.file} returns the result of ${label}: its usage events are sent where request handlers call it`);
      continue;
    }
    // A helper that is handed the user gets its parameter when the site is metered (not while reading).
    const threadThrough = helper?.mode === 'thread' && site.fn ? site.fn : null;
    const found = threadThrough ? null : userAt(site, edit.text, site.call.start ?? 0, options);
    const serverAction = !found?.user && !site.handler && site.fn && isServerAction(edit.ast, site.fn);
    const noUser = serverAction
      ? `no signed-in user in scope in ${site.helperName ?? 'this server action'}(), a server action: the browser chooses its arguments, so it is not given a user id; read the session inside it (as the app's routes do, e.g. await auth()) and send the event there`
      : site.handler
        ? (found?.reason ?? null)
        : null;
    // A provider called as the user needs the request too; without one in scope the site is left to a person.
    const session = sessionSource(options.config, threadThrough ? null : site.handler, { framework: options.framework, router: options.router, file: edit.path });
    const refused = 'reason' in session ? (found?.user || threadThrough ? session.reason : (noUser ?? session.reason)) : null;
    tasks.push({ site: { ...site, event: site.event }, user: refused ? null : (found?.user ?? null), noUser: refused ?? noUser, threadThrough: refused ? null : threadThrough, requestModel: viaHelper ? null : requestModelOf(site.call, edit.text), label, viaHelper, session: 'code' in session ? session.code : null });
  }
  return tasks;
}
