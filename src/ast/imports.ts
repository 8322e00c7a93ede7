// Reads what a file imports, in ESM and CommonJS alike, as one list of local bindings.
import type * as t from '@babel/types';
import { stringValue, propertyKey } from './nodes.js';
import { walk, type Node } from './walk.js';

export interface ImportBinding {
  /** The local name in this file. */
  local: string;
  /** The module specifier as written (`openai`, `./lib/openai.js`, `@/lib/db`). */
  source: string;
  /** `default`, `*` (namespace or a whole `require`), or the exported name. */
  imported: string;
  kind: 'esm' | 'cjs';
  typeOnly: boolean;
}

export function collectImports(file: t.File | t.Program): ImportBinding[] {
  const program = file.type === 'File' ? file.program : file;
  const out: ImportBinding[] = [];
  for (const stmt of program.body) {
    if (stmt.type === 'ImportDeclaration') {
      const typeOnly = stmt.importKind === 'type';
      for (const spec of stmt.specifiers) {
        const imported =
          spec.type === 'ImportDefaultSpecifier'
            ? 'default'
            : spec.type === 'ImportNamespaceSpecifier'
              ? '*'
              : spec.imported.type === 'Identifier'
                ? spec.imported.name
                : spec.imported.value;
        const specTypeOnly = spec.type === 'ImportSpecifier' && spec.importKind === 'type';
        out.push({ local: spec.local.name, source: stmt.source.value, imported, kind: 'esm', typeOnly: typeOnly || specTypeOnly });
      }
    } else if (stmt.type === 'TSImportEqualsDeclaration' && stmt.moduleReference.type === 'TSExternalModuleReference') {
      out.push({ local: stmt.id.name, source: stmt.moduleReference.expression.value, imported: '*', kind: 'cjs', typeOnly: false });
    }
  }
  walk(program, (node) => {
    if (node.type !== 'VariableDeclarator' || !node.init) return;
    const required = requireOf(node.init);
    if (!required) return;
    if (node.id.type === 'Identifier') {
      out.push({ local: node.id.name, source: required.source, imported: required.member ?? '*', kind: 'cjs', typeOnly: false });
    } else if (node.id.type === 'ObjectPattern' && !required.member) {
      for (const prop of node.id.properties) {
        if (prop.type !== 'ObjectProperty') continue;
        const key = propertyKey(prop);
        const value = prop.value.type === 'AssignmentPattern' ? prop.value.left : prop.value;
        if (key && value.type === 'Identifier') out.push({ local: value.name, source: required.source, imported: key, kind: 'cjs', typeOnly: false });
      }
    }
  });
  return out;
}

/** `require('m')` → { source: 'm' }; `require('m').X` → { source: 'm', member: 'X' }. */
export function requireOf(node: Node): { source: string; member?: string } | null {
  if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) {
    const source = stringValue(node.arguments[0]);
    return source === null ? null : { source };
  }
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
    const inner = requireOf(node.object);
    if (inner && !inner.member) return { source: inner.source, member: node.property.name };
  }
  return null;
}

/** Whether the file is written as a CommonJS module (require / module.exports, and no import/export). */
export function usesCommonJs(file: t.File): boolean {
  let esm = false;
  let cjs = false;
  for (const stmt of file.program.body) {
    if (stmt.type === 'ImportDeclaration' || stmt.type.startsWith('Export')) esm = true;
  }
  if (esm) return false;
  walk(file.program, (node) => {
    if (cjs) return 'skip';
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require') cjs = true;
    if (node.type === 'MemberExpression' && node.object.type === 'Identifier' && node.object.name === 'module' && !node.computed && node.property.type === 'Identifier' && node.property.name === 'exports') cjs = true;
  });
  return cjs;
}

/**
 * The syntax a new import in this file is written in: CommonJS when the file requires, ESM when it imports
 * or exports or is TypeScript (which compiles either), else the package's own module system.
 */
export function importSyntaxOf(ast: t.File, path: string, packageModule: 'esm' | 'cjs' = 'esm'): 'esm' | 'cjs' {
  if (usesCommonJs(ast)) return 'cjs';
  const esm = ast.program.body.some((s) => s.type === 'ImportDeclaration' || s.type.startsWith('Export'));
  return esm || /\.[cm]?tsx?$/.test(path) ? 'esm' : packageModule;
}
