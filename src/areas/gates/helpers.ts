// Billable helpers as balance-gates sees them: functions outside any request handler that make a billable
// call (`summarize` in services/summarize.js). Their gate goes in each request handler that calls them,
// before the call — possibly in another file.
import type { Node } from '../../ast/walk.js';
import type { CallMatch } from '../../detect/billable-calls.js';
import type { HelperRef } from '../helper-calls.js';

export interface BillableHelper extends HelperRef {
  /** Summed estimates of the billable calls it makes. */
  estimate: number;
  /** Event types it sends, for reports. */
  eventTypes: string[];
}

/**
 * A helper's identity: its file and its function's start offset in the file's LF text, which is what
 * transforms parse (find-helpers.ts parses CRLF files the same way).
 */
export function helperKey(helper: Pick<HelperRef, 'file' | 'start'>): string {
  return `${helper.file}:${helper.start}`;
}

/** The key of the helper a function would be, in `file`. */
export function keyOf(file: string, fn: Node): string {
  return helperKey({ file, start: fn.start ?? -1 });
}

/** `summarize` (services/summarize.js), for reports. */
export function describeHelper(helper: HelperRef): string {
  return `\`${helper.localName ?? helper.exportNames[0] ?? '(anonymous)'}\` (${helper.file})`;
}

/** For findBillableSites' `extraCalls`: the calls of helpers count as sites (so each gets its request handler). */
export function helperCallsAsSites(calls: ReadonlyMap<Node, HelperRef>): (call: Node) => CallMatch | null {
  return (call) => {
    const helper = calls.get(call);
    return helper ? { provider: 'config', call: describeHelper(helper), reason: `calls ${describeHelper(helper)}, which makes a billable call` } : null;
  };
}
