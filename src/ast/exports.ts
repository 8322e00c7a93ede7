// Finds the function a module exports under a name, in the ways apps write it: `export function`,
// `export const x = () => {}`, `export { x }`, `export default`, `module.exports = { x }`, `exports.x = ...`.
import type * as t from '@babel/types';
import { dottedName, getPropertyValue, isFunction, propertyKey, type FunctionNode } from './nodes.js';
import { collectImports } from './imports.js';
import { walk, type Node } from './walk.js';

export interface FoundFunction {
  fn: FunctionNode;
  ancestors: Node[];
  /** The name the function is declared under in its file. */
  localName: string | null;
}

export function findExportedFunction(ast: t.File, exportName: string): FoundFunction | null {
  // `AiService.ask`: a static method of an exported class.
  const dot = exportName.indexOf('.');
  if (dot !== -1) return staticMethod(ast, exportName.slice(0, dot), exportName.slice(dot + 1));
  const localName = exportedLocalName(ast, exportName);
  const direct = findExportExpression(ast, exportName);
  if (direct) return direct;
  const local = localName ? findLocalFunction(ast, localName) : null;
  // `import AiService from ...; AiService.ask()`: a static method of the default-exported class.
  return local ?? staticMethod(ast, 'default', exportName);
}

/** A static method (or static arrow field) of the class a module exports as `exportName`. */
function staticMethod(ast: t.File, exportName: string, method: string): FoundFunction | null {
  const found = exportedClass(ast, exportName);
  if (!found) return null;
  for (const member of found.cls.body.body) {
    if (!('static' in member) || !member.static || propertyKey(member as Node) !== method) continue;
    const ancestors: Node[] = [...found.ancestors, found.cls, found.cls.body];
    if (member.type === 'ClassMethod') return { fn: member, ancestors, localName: `${found.name}.${method}` };
    if (member.type === 'ClassProperty' && member.value && isFunction(member.value as Node)) return { fn: member.value as FunctionNode, ancestors: [...ancestors, member], localName: `${found.name}.${method}` };
  }
  return null;
}

function exportedClass(ast: t.File, exportName: string): { cls: t.ClassDeclaration | t.ClassExpression; name: string; ancestors: Node[] } | null {
  const local = exportedLocalName(ast, exportName);
  for (const stmt of ast.program.body) {
    const ancestors: Node[] = [ast.program, stmt];
    const decl = stmt.type === 'ExportNamedDeclaration' || stmt.type === 'ExportDefaultDeclaration' ? stmt.declaration : stmt;
    if (decl?.type !== 'ClassDeclaration' && decl?.type !== 'ClassExpression') continue;
    const name = decl.id?.name ?? 'default';
    const exported = (stmt.type === 'ExportDefaultDeclaration' && exportName === 'default') || (stmt.type === 'ExportNamedDeclaration' && name === exportName) || (local !== null && name === local);
    if (exported) return { cls: decl, name, ancestors };
  }
  return null;
}

/** Modules this one re-exports `exportName` from (`export { x as y } from './a'`, `export * from './a'`), with the name there. */
export function reexportsOf(ast: t.File, exportName: string): Array<{ source: string; name: string }> {
  const out: Array<{ source: string; name: string }> = [];
  // `Service.ask`: the class `Service` is what is re-exported (`export { default as Service } from ...`).
  const [head, ...member] = exportName.split('.');
  const tail = member.length ? `.${member.join('.')}` : '';
  for (const stmt of ast.program.body) {
    if (stmt.type === 'ExportNamedDeclaration' && stmt.source) {
      for (const spec of stmt.specifiers) {
        if (spec.type !== 'ExportSpecifier') continue;
        const exported = spec.exported.type === 'Identifier' ? spec.exported.name : spec.exported.value;
        if (exported === head) out.push({ source: stmt.source.value, name: `${spec.local.name}${tail}` });
      }
    }
    if (stmt.type === 'ExportAllDeclaration' && exportName !== 'default') out.push({ source: stmt.source.value, name: exportName });
    // `import { chat } from './service.js'; export { chat };`
    if (stmt.type === 'ExportNamedDeclaration' && !stmt.source) {
      for (const spec of stmt.specifiers) {
        if (spec.type !== 'ExportSpecifier') continue;
        const exported = spec.exported.type === 'Identifier' ? spec.exported.name : spec.exported.value;
        const binding = exported === head ? collectImports(ast).find((i) => i.local === spec.local.name && !i.typeOnly) : undefined;
        if (binding) out.push({ source: binding.source, name: `${binding.imported === '*' ? 'default' : binding.imported}${tail}` });
      }
    }
  }
  return out;
}

/** The local identifier a module exports under `exportName`, when it exports a name rather than an expression. */
function exportedLocalName(ast: t.File, exportName: string): string | null {
  for (const stmt of ast.program.body) {
    if (stmt.type === 'ExportNamedDeclaration' && !stmt.source) {
      for (const spec of stmt.specifiers) {
        if (spec.type !== 'ExportSpecifier') continue;
        const exported = spec.exported.type === 'Identifier' ? spec.exported.name : spec.exported.value;
        if (exported === exportName) return spec.local.name;
      }
    }
    if (stmt.type === 'ExportDefaultDeclaration' && exportName === 'default' && stmt.declaration.type === 'Identifier') return stmt.declaration.name;
    // `export default { register: registerUser }`: a controller object; `ctrl.register` reads it by name.
    if (stmt.type === 'ExportDefaultDeclaration' && stmt.declaration.type === 'ObjectExpression') {
      const value = getPropertyValue(stmt.declaration, exportName);
      if (value?.type === 'Identifier') return value.name;
    }
    if (stmt.type === 'ExpressionStatement' && stmt.expression.type === 'AssignmentExpression') {
      const { left, right } = stmt.expression;
      const target = dottedName(left);
      if (target === 'module.exports' && right.type === 'Identifier' && exportName === 'default') return right.name;
      if (target === 'module.exports' && right.type === 'ObjectExpression') {
        for (const prop of right.properties) {
          if (prop.type === 'ObjectProperty' && propertyKey(prop) === exportName && prop.value.type === 'Identifier') return prop.value.name;
        }
      }
      if ((target === `module.exports.${exportName}` || target === `exports.${exportName}`) && right.type === 'Identifier') return right.name;
    }
  }
  return exportName === 'default' ? null : exportName;
}

/** Exports whose value is written in place: `export function x`, `exports.x = () => {}`, `export default fn`. */
function findExportExpression(ast: t.File, exportName: string): FoundFunction | null {
  const body = ast.program.body;
  for (const stmt of body) {
    const ancestors: Node[] = [ast.program, stmt];
    if (stmt.type === 'ExportNamedDeclaration' && stmt.declaration) {
      const decl = stmt.declaration;
      if (decl.type === 'FunctionDeclaration' && decl.id?.name === exportName) return { fn: decl, ancestors, localName: exportName };
      if (decl.type === 'VariableDeclaration') {
        for (const d of decl.declarations) {
          const inner = d.id.type === 'Identifier' && d.id.name === exportName && d.init ? functionIn(d.init, [...ancestors, decl, d]) : null;
          if (inner) return { ...inner, localName: exportName };
        }
      }
    }
    if (stmt.type === 'ExportDefaultDeclaration' && exportName === 'default' && isFunction(stmt.declaration)) {
      return { fn: stmt.declaration, ancestors, localName: (stmt.declaration as t.FunctionDeclaration).id?.name ?? null };
    }
    if (stmt.type === 'ExportDefaultDeclaration' && stmt.declaration.type === 'ObjectExpression') {
      const found = objectMember(stmt.declaration, exportName, [...ancestors, stmt.declaration]);
      if (found) return found;
    }
    if (stmt.type === 'ExpressionStatement' && stmt.expression.type === 'AssignmentExpression') {
      const { left, right } = stmt.expression;
      const target = dottedName(left);
      const asserted = [...ancestors, stmt.expression];
      if ((target === `module.exports.${exportName}` || target === `exports.${exportName}`) && isFunction(right)) return { fn: right, ancestors: asserted, localName: null };
      if (target === 'module.exports' && exportName === 'default' && isFunction(right)) return { fn: right, ancestors: asserted, localName: null };
      if (target === 'module.exports' && right.type === 'ObjectExpression') {
        const found = objectMember(right, exportName, [...asserted, right]);
        if (found) return found;
      }
    }
  }
  return null;
}

/** A function written in place as a member of an exported object: `{ register(req, res) {} }`, `{ register: async () => {} }`. */
function objectMember(object: t.ObjectExpression, name: string, ancestors: Node[]): FoundFunction | null {
  for (const prop of object.properties) {
    if (propertyKey(prop) !== name) continue;
    if (prop.type === 'ObjectMethod') return { fn: prop, ancestors, localName: null };
    if (prop.type === 'ObjectProperty' && isFunction(prop.value as Node)) return { fn: prop.value as FunctionNode, ancestors: [...ancestors, prop], localName: null };
  }
  return null;
}

/** A function declared at any depth under `name` (declaration, or a variable initialised with a function). */
export function findLocalFunction(ast: t.File, name: string): FoundFunction | null {
  let found: FoundFunction | null = null;
  walk(ast.program, (node, ancestors) => {
    if (found) return 'skip';
    if (node.type === 'FunctionDeclaration' && node.id?.name === name) found = { fn: node, ancestors: [...ancestors], localName: name };
    else if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.id.name === name && node.init) {
      const inner = functionIn(node.init, [...ancestors, node]);
      if (inner) found = { ...inner, localName: name };
    }
  });
  return found;
}

/**
 * The function an expression is, or wraps: `async () => {}`, `withAuth(async (req) => {})`,
 * `validatedAction(schema, async (data) => {})` (the last function argument, through nested wrappers).
 */
export function functionIn(expr: Node, ancestors: Node[]): { fn: FunctionNode; ancestors: Node[] } | null {
  if (isFunction(expr)) return { fn: expr, ancestors };
  if (expr.type === 'CallExpression') {
    for (let i = expr.arguments.length - 1; i >= 0; i--) {
      const inner = functionIn(expr.arguments[i] as Node, [...ancestors, expr]);
      if (inner) return inner;
    }
  }
  if (expr.type === 'TSAsExpression' || expr.type === 'TSSatisfiesExpression' || expr.type === 'ParenthesizedExpression') {
    return functionIn(expr.expression, [...ancestors, expr]);
  }
  return null;
}
