// usage-events: after every billable call, a usage event through the billing module, read from the
// call's own result, for the signed-in user:
//
//   const completion = await openai.chat.completions.create({ ... });
//   void billing.trackUsage({
//     customer: { externalId: req.user.id },
//     eventType: 'chat_completion',
//     data: { total_tokens: completion.usage?.total_tokens, ..., model: completion.model },
//     subject: completion.id,
//   });
//
// Streams send it once read (AI SDK onFinish, OpenAI/Anthropic stream loops and helpers). Run by
// `billing-codemod apply usage-events`, which hands it package-wide facts; the steps live in src/areas/usage/.
import type * as t from '@babel/types';
import type { API, FileInfo } from 'jscodeshift';
import { siteVerdict, type Reporter, type SiteFilter } from '../src/ast/transform.js';
import { lineOf } from '../src/ast/nodes.js';
import { addPatternBinding } from '../src/ast/edit.js';
import { mayHoldBillableCall } from '../src/detect/billable-calls.js';
import { isGeneratedBillingModule } from '../src/providers/marker.js';
import { isAiStream, meterAiStream } from '../src/areas/usage/ai-stream.js';
import { FileEdit, type UsageEventsOptions } from '../src/areas/usage/file-edit.js';
import { mentionsHelper } from '../src/areas/helper-calls.js';
import { meterResult } from '../src/areas/usage/meter-result.js';
import { meterHttpBody } from '../src/areas/usage/http-body.js';
import { leaveToPerson, type SiteTask } from '../src/areas/usage/site-task.js';
import { siteTasks } from '../src/areas/usage/site-tasks.js';
import { meterStream, streamShape } from '../src/areas/usage/streams.js';
import { passUser, userParameter } from '../src/areas/usage/thread-user.js';
import { standaloneOptions } from '../src/areas/standalone.js';

export type { UsageEventsOptions };

export default function usageEvents(file: FileInfo, api: API, options: UsageEventsOptions & { reporter?: Reporter; sites?: SiteFilter }): string | undefined | Promise<string | undefined> {
  // A plain `jscodeshift -t` run brings no config: work out what `billing-codemod apply` would pass.
  if (!options.config) return standaloneOptions<UsageEventsOptions>('usage-events', file.path).then((given) => (given ? usageEvents(file, api, given) : undefined));
  if (!mayMeter(file.source, options)) return undefined;
  const root = api.jscodeshift(file.source);
  const edit = new FileEdit(api, file, root.get().node as t.File, options, root, options.reporter);
  const tasks = siteTasks(edit);
  if (tasks.length === 0 && !edit.changed) return undefined;
  for (const task of tasks) {
    const key = task.site.call.start ?? 0;
    const verdict = siteVerdict(options.sites, key);
    if (verdict === 'leave') continue;
    edit.reporter.site?.(key, lineOf(task.site.call));
    if (typeof verdict === 'object') leaveToPerson(edit, task, verdict.refused);
    else meter(edit, task);
  }
  return edit.changed ? edit.print() : undefined;
}

/** One site: streams wait for their end, everything else reads the awaited result. */
function meter(edit: FileEdit, task: SiteTask): void {
  if (task.threadThrough) task.user = userParameter(edit, task.threadThrough);
  // A session the parameter's type carries but its destructuring left out is bound first.
  if (task.user?.bind && addPatternBinding(edit.ast, task.user.bind.patternStart, task.user.bind.property, edit.text)) edit.changed = true;
  if (task.viaHelper?.mode === 'thread') return passUser(edit, task, task.viaHelper);
  if (task.viaHelper) return meterResult(edit, task);
  if (task.site.match.http) return meterHttpBody(edit, task);
  if (isAiStream(task)) return meterAiStream(edit, task);
  const stream = streamShape(task);
  if (stream.kind === 'unsupported') return leaveToPerson(edit, task, stream.reason);
  if (stream.kind !== 'none') return meterStream(edit, task, stream);
  return meterResult(edit, task);
}

/** Text prefilter: a billable call, or a helper's name, appears in the file. */
function mayMeter(text: string, options: UsageEventsOptions): boolean {
  return (mayHoldBillableCall(text, options.config) && !isGeneratedBillingModule(text)) || (options.helpers ?? []).some((h) => mentionsHelper(text, h));
}
