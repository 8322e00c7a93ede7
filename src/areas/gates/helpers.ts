// Billable helpers: functions outside any request handler that make a billable call (`summarize` in
// services/summarize.js), and the calls to them. A gate for such a call goes in the handler, before the
// helper is called — possibly in another file — so the area finds helpers package-wide and hands them to
// the transform of every file that may call one.
import type * as t from '@babel/types';
import { collectImports } from '../../ast/imports.js';
import { dottedName, unwrap } from '../../ast/nodes.js';
import { walk, type Node } from '../../ast/walk.js';
import { isCall, type CallNode } from '../../detect/billable-calls.js';
import type { ImportResolver } from '../../detect/clients.js';

export interface BillableHelper {
  /** Project-relative path of the file that defines it. */
  file: string;
  /** Start offset of the function in its file (its identity across parses). */
  start: number;
  /** Its name inside its own file, when it has one. */
  localName: string | null;
  /** Names other files import it under (`summarize`, `default`). */
  exportNames: string[];
  /** Summed estimates of the billable calls it makes. */
  estimate: number;
  /** Event types it sends, for reports. */
  eventTypes: string[];
}

export interface HelperCall {
  call: CallNode;
  ancestors: Node[];
  helper: BillableHelper;
}

/** Calls in `ast` to any of `helpers`: by local name in the helper's own file, or through an import. */
export function helperCallsIn(ast: t.File, file: string, helpers: readonly BillableHelper[], resolve: ImportResolver): HelperCall[] {
  if (helpers.length === 0) return [];
  const imports = collectImports(ast).filter((i) => !i.typeOnly);
  const targets = new Map<string, string | null>();
  const targetOf = (source: string) => {
    if (!targets.has(source)) targets.set(source, resolve(file, source));
    return targets.get(source) ?? null;
  };
  const byImport = (local: string, member: string | null): BillableHelper | undefined => {
    const imp = imports.find((i) => i.local === local);
    if (!imp) return undefined;
    const target = targetOf(imp.source);
    // `svc.summarize()` through a namespace, a default import or a whole `require`; else the named import.
    const name = member ?? imp.imported;
    if (member && imp.imported !== '*' && imp.imported !== 'default') return undefined;
    return helpers.find((h) => h.file === target && h.exportNames.includes(name));
  };
  const out: HelperCall[] = [];
  walk(ast.program, (node, ancestors) => {
    if (!isCall(node)) return;
    const callee = unwrap(node.callee);
    let helper: BillableHelper | undefined;
    if (callee.type === 'Identifier') {
      helper = helpers.find((h) => h.file === file && h.localName === callee.name) ?? byImport(callee.name, null);
    } else {
      const parts = dottedName(callee)?.split('.');
      if (parts?.length === 2) helper = byImport(parts[0], parts[1]);
    }
    // A recursive helper calling itself is not a call from outside.
    if (helper && !(helper.file === file && ancestors.some((a) => a.start === helper.start))) out.push({ call: node, ancestors: [...ancestors], helper });
  });
  return out;
}

export function helperKey(helper: Pick<BillableHelper, 'file' | 'start'>): string {
  return `${helper.file}:${helper.start}`;
}

/** `summarize` (services/summarize.js), for reports. */
export function describeHelper(helper: BillableHelper): string {
  return `\`${helper.localName ?? helper.exportNames[0] ?? '(anonymous)'}\` (${helper.file})`;
}

/** Whether a file's text may call the helper: one of its names, or its module's file name (default imports). */
export function mentionsHelper(text: string, helper: BillableHelper): boolean {
  const stem = helper.file.replace(/^.*\//, '').replace(/\.[cm]?[jt]sx?$/, '');
  return [helper.localName, ...helper.exportNames.filter((n) => n !== 'default'), stem].some((n) => !!n && text.includes(n));
}
