// Adds imports the way a person would, in ESM or CommonJS: reuse an existing import of the module, add a
// name to it, or add one line after the file's last import (or require). New lines are inserted into the
// printed text rather than the tree: recast would otherwise borrow blank lines from the neighbouring
// statements and reprint directive prologues ('use strict';;).
import type * as t from '@babel/types';
import { parseSource } from './parse.js';
import { applyStyle, type CodeStyle } from './style.js';
import { requireOf } from './imports.js';
import { walk } from './walk.js';

export interface ImportWish {
  /** The module specifier to write for a new import. */
  source: string;
  /** The exported name wanted (`billing`, `after`). */
  name: string;
  /** Other spellings of the same module already in use count as the same import (`@/lib/billing`). */
  sameModule?: (specifier: string) => boolean;
}

export class ImportPlanner {
  private readonly taken: Set<string>;
  private readonly pending: Array<{ source: string; name: string; local: string }> = [];

  constructor(
    private readonly ast: t.File,
    private readonly moduleKind: 'esm' | 'cjs',
  ) {
    this.taken = declaredNames(ast);
  }

  /** The expression to use for the wanted name in this file (a local identifier, or `ns.name`). */
  use(wish: ImportWish): string {
    const same = wish.sameModule ?? ((s: string) => s === wish.source);
    const queued = this.pending.find((p) => same(p.source) && p.name === wish.name);
    if (queued) return queued.local;
    const existing = this.reuse(wish.name, same);
    if (existing) return existing;
    const local = this.uniqueName(wish.name);
    this.pending.push({ source: wish.source, name: wish.name, local });
    return local;
  }

  private reuse(name: string, same: (s: string) => boolean): string | null {
    for (const stmt of this.ast.program.body) {
      if (stmt.type === 'ImportDeclaration' && same(stmt.source.value) && stmt.importKind !== 'type') {
        for (const spec of stmt.specifiers) {
          if (spec.type === 'ImportNamespaceSpecifier') return `${spec.local.name}.${name}`;
          if (spec.type === 'ImportSpecifier' && spec.importKind !== 'type' && importedName(spec) === name) return spec.local.name;
        }
        if (stmt.specifiers.some((s) => s.type === 'ImportSpecifier') || stmt.specifiers.length === 0) {
          const local = this.uniqueName(name);
          const spec: t.ImportSpecifier = { type: 'ImportSpecifier', imported: ident(name), local: ident(local) } as t.ImportSpecifier;
          stmt.specifiers.push(spec);
          return local;
        }
      }
    }
    let found: string | null = null;
    walk(this.ast.program, (node) => {
      if (found || node.type !== 'VariableDeclarator' || !node.init) return;
      const req = requireOf(node.init);
      if (!req || !same(req.source)) return;
      if (node.id.type === 'Identifier') found = req.member === name ? node.id.name : req.member ? null : `${node.id.name}.${name}`;
      else if (node.id.type === 'ObjectPattern') {
        for (const p of node.id.properties) {
          if (p.type === 'ObjectProperty' && p.key.type === 'Identifier' && p.key.name === name && p.value.type === 'Identifier') found = p.value.name;
        }
      }
    });
    return found;
  }

  /** A local name not bound anywhere in the file (`balance`, `balance2`), reserved for the caller. */
  reserve(name: string): string {
    return this.uniqueName(name);
  }

  /** The first of `names` not bound in the file (`user`, then `createdUser`), numbered only when all are taken. */
  reserveReadable(names: string[]): string {
    const free = names.find((n) => !this.taken.has(n));
    return this.uniqueName(free ?? names[names.length - 1]);
  }

  private uniqueName(name: string): string {
    let candidate = name;
    for (let i = 2; this.taken.has(candidate); i++) candidate = `${name}${i}`;
    this.taken.add(candidate);
    return candidate;
  }

  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** Inserts the new import lines into the printed text of the file. */
  insertInto(printed: string, path: string, style: CodeStyle): string {
    if (this.pending.length === 0) return printed;
    const bySource = new Map<string, Array<{ name: string; local: string }>>();
    for (const p of this.pending) bySource.set(p.source, [...(bySource.get(p.source) ?? []), p]);
    const lines = [...bySource].map(([source, names]) => {
      const list = names.map((n) => (n.name === n.local ? n.name : this.moduleKind === 'esm' ? `${n.name} as ${n.local}` : `${n.name}: ${n.local}`)).join(', ');
      return applyStyle(this.moduleKind === 'esm' ? `import { ${list} } from '${source}';` : `const { ${list} } = require('${source}');`, style);
    });
    const text = printed.split('\n');
    const after = insertionLine(parseSource(path, printed), this.moduleKind);
    text.splice(after, 0, ...lines);
    return text.join('\n');
  }
}

function importedName(spec: t.ImportSpecifier): string {
  return spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value;
}

function ident(name: string): t.Identifier {
  return { type: 'Identifier', name } as t.Identifier;
}

/** The 0-based line index to insert new imports at: after the last import (ESM) or the leading requires (CJS). */
function insertionLine(ast: t.File, kind: 'esm' | 'cjs'): number {
  let last = 0;
  for (const d of ast.program.directives ?? []) last = Math.max(last, d.loc?.end.line ?? 0);
  for (const stmt of ast.program.body) {
    if (kind === 'esm') {
      if (stmt.type === 'ImportDeclaration') last = stmt.loc?.end.line ?? last;
    } else if (isRequireDeclaration(stmt) || isRequireStatement(stmt) || isUseStrict(stmt)) last = stmt.loc?.end.line ?? last;
    else break;
  }
  if (last === 0) {
    // No imports: after a leading comment block (license, file header) if the file starts with one.
    const first = ast.program.body[0] as (t.Statement & { leadingComments?: t.Comment[] }) | undefined;
    const comments = first?.leadingComments ?? [];
    if (comments.length && first?.loc) return Math.min(comments[comments.length - 1].loc?.end.line ?? 0, first.loc.start.line - 1);
  }
  return last;
}

function isRequireDeclaration(stmt: t.Statement): boolean {
  return stmt.type === 'VariableDeclaration' && stmt.declarations.every((d) => d.init && requireOf(d.init));
}

/** `require('dotenv').config();`, `require('./polyfill');`: part of the leading block of requires. */
function isRequireStatement(stmt: t.Statement): boolean {
  if (stmt.type !== 'ExpressionStatement') return false;
  let node: t.Node = stmt.expression;
  while (node.type === 'CallExpression' || node.type === 'MemberExpression') {
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require') return true;
    node = node.type === 'CallExpression' ? node.callee : node.object;
  }
  return false;
}

function isUseStrict(stmt: t.Statement): boolean {
  return stmt.type === 'ExpressionStatement' && stmt.expression.type === 'StringLiteral' && stmt.expression.value === 'use strict';
}

/** Every name bound anywhere in the file (imports, declarations, parameters), so a new local never clashes. */
function declaredNames(ast: t.File): Set<string> {
  const names = new Set<string>();
  const addPattern = (p: t.Node | null | undefined): void => {
    if (!p) return;
    if (p.type === 'Identifier') names.add(p.name);
    else if (p.type === 'ObjectPattern') p.properties.forEach((q) => addPattern(q.type === 'RestElement' ? q.argument : q.value));
    else if (p.type === 'ArrayPattern') p.elements.forEach((e) => addPattern(e));
    else if (p.type === 'RestElement') addPattern(p.argument);
    else if (p.type === 'AssignmentPattern') addPattern(p.left);
    else if (p.type === 'TSParameterProperty') addPattern(p.parameter);
  };
  walk(ast.program, (node) => {
    if (node.type === 'VariableDeclarator') addPattern(node.id);
    else if (node.type === 'ImportSpecifier' || node.type === 'ImportDefaultSpecifier' || node.type === 'ImportNamespaceSpecifier') names.add(node.local.name);
    else if ((node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ClassDeclaration' || node.type === 'ClassExpression') && node.id) names.add(node.id.name);
    else if (node.type === 'CatchClause') addPattern(node.param);
    if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression' || node.type === 'ObjectMethod' || node.type === 'ClassMethod') {
      node.params.forEach((p) => addPattern(p));
    }
  });
  return names;
}
