// Functions outside request handlers that other code calls — "helpers" such as `summarize` in
// services/summarize.js — and the calls to them, within a file or through imports (ESM or CommonJS).
// Areas that follow a billable call from a helper up to the request handlers calling it share these.
import type * as t from '@babel/types';
import { findExportedFunction } from '../ast/exports.js';
import { collectImports } from '../ast/imports.js';
import { dottedName, isFunction, propertyKey, unwrap, type FunctionNode } from '../ast/nodes.js';
import { walk, type Node } from '../ast/walk.js';
import { isCall, type CallNode } from '../detect/billable-calls.js';
import type { ImportResolver } from '../detect/clients.js';

/** What identifies a helper across files. */
export interface HelperRef {
  /** Project-relative path of the file that defines it. */
  file: string;
  /** Start offset of its function in that file (its identity across parses of the same text). */
  start: number;
  /** Its name in its own file, when it has one. */
  localName: string | null;
  /** Names its module exports it under (`summarize`, `default`). */
  exportNames: string[];
}

export interface HelperCall<H extends HelperRef> {
  call: CallNode;
  ancestors: Node[];
  helper: H;
}

/** Where an export really comes from, through re-exports (PackageContext.origin). */
export type ExportOrigin = (file: string, exportName: string) => { file: string; name: string };

/**
 * Calls in one file of any of `helpers`: by local name in the helper's own file, or through an import
 * (followed through barrels that re-export it, and to static methods of an imported class).
 */
export function helperCallsIn<H extends HelperRef>(ast: t.File, file: string, helpers: readonly H[], resolve: ImportResolver, origin?: ExportOrigin): HelperCall<H>[] {
  if (helpers.length === 0) return [];
  const imports = collectImports(ast).filter((i) => !i.typeOnly);
  const viaImport = (local: string, member: string | null): H | undefined => {
    const imp = imports.find((i) => i.local === local);
    const target = imp ? resolve(file, imp.source) : null;
    if (!imp || !target) return undefined;
    // `svc.summarize()` goes through a namespace, a default import or a whole `require`; `AiService.ask()`
    // through an imported class.
    const whole = imp.imported === '*' || imp.imported === 'default';
    const name = member ? (whole ? member : `${imp.imported}.${member}`) : imp.imported === '*' ? 'default' : imp.imported;
    const from = origin ? origin(target, name) : { file: target, name };
    return helpers.find((h) => h.file === from.file && h.exportNames.includes(from.name));
  };
  const out: HelperCall<H>[] = [];
  walk(ast.program, (node, ancestors) => {
    if (!isCall(node)) return;
    const callee = unwrap(node.callee);
    const parts = dottedName(callee)?.split('.') ?? [];
    const helper =
      callee.type === 'Identifier'
        ? (helpers.find((h) => h.file === file && h.localName === callee.name) ?? viaImport(callee.name, null))
        : parts.length === 2
          ? viaImport(parts[0], parts[1])
          : undefined;
    // A recursive helper calling itself is not a caller.
    if (helper && !(helper.file === file && ancestors.some((a) => isFunction(a) && a.start === helper.start))) out.push({ call: node, ancestors: [...ancestors], helper });
  });
  return out;
}

/**
 * Whether a file's text may call the helper: one of its names as a word, or its module's file name in an
 * import path (a default import may go by any name). A file that merely says "server" does not count.
 */
export function mentionsHelper(text: string, helper: HelperRef): boolean {
  const stem = helper.file.replace(/^.*\//, '').replace(/\.[cm]?[jt]sx?$/, '');
  const names = [helper.localName, ...helper.exportNames.filter((n) => n !== 'default')].filter((n): n is string => !!n);
  if (names.some((n) => text.includes(n) && new RegExp(`(^|[^\\w$])${n.replace(/\$/g, '\\$')}($|[^\\w$])`).test(text))) return true;
  const folder = stem === 'index' ? helper.file.split('/').slice(-2, -1)[0] : null;
  return [stem, folder].some((s) => !!s && text.includes(s) && new RegExp(`/${s.replace(/\$/g, '\\$')}(\\.[cm]?[jt]sx?)?['"]`).test(text));
}

/** Every name the file exports `fn` under. */
export function exportNamesOf(ast: t.File, fn: FunctionNode): string[] {
  const names = new Set<string>(['default']);
  for (const stmt of ast.program.body) {
    if (stmt.type === 'ExportNamedDeclaration') {
      const decl = stmt.declaration;
      if (decl?.type === 'FunctionDeclaration' && decl.id) names.add(decl.id.name);
      if (decl?.type === 'VariableDeclaration') for (const d of decl.declarations) if (d.id.type === 'Identifier') names.add(d.id.name);
      for (const spec of stmt.specifiers) if (spec.type === 'ExportSpecifier') names.add(spec.exported.type === 'Identifier' ? spec.exported.name : spec.exported.value);
    }
    if (stmt.type === 'ExpressionStatement' && stmt.expression.type === 'AssignmentExpression') {
      const target = dottedName(stmt.expression.left) ?? '';
      const right = stmt.expression.right;
      if (target === 'module.exports' && right.type === 'ObjectExpression') for (const p of right.properties) names.add(propertyKey(p) ?? '');
      const m = /^(module\.)?exports\.(\w+)$/.exec(target);
      if (m) names.add(m[2]);
    }
  }
  // Static methods of exported classes: `default` classes are called through their import (`C.ask`).
  for (const stmt of ast.program.body) {
    const decl = stmt.type === 'ExportNamedDeclaration' || stmt.type === 'ExportDefaultDeclaration' ? stmt.declaration : stmt;
    if (decl?.type !== 'ClassDeclaration') continue;
    for (const member of decl.body.body) {
      const key = 'static' in member && member.static ? propertyKey(member as Node) : null;
      if (key && decl.id) names.add(`${decl.id.name}.${key}`);
      if (key && stmt.type === 'ExportDefaultDeclaration') names.add(`default.${key}`);
      if (key) names.add(key);
    }
  }
  return [...names].filter((name) => name && findExportedFunction(ast, name)?.fn === fn);
}
