// ESM -> CommonJS for a module that imports and exports plainly: imports become `require`, `export` comes off
// each declaration, and one `module.exports = { ... }` at the end lists every export. Works on the text, by the
// parser's positions, so everything between the import and export keywords stays exactly as it was.
import { babelOptions, babelParse } from '../../ast/parse.js';
import { jsLiteral } from '../../ast/literal.js';

interface Edit {
  start: number;
  end: number;
  text: string;
}

interface Named {
  local: string;
  name: string;
}

const MAX_LINE = 100;

type Node = { type: string; start?: number | null; end?: number | null; loc?: { start: { line: number } } | null };
type Declaration = Node & { id?: { name: string } | null; declarations?: Array<{ id: Node }> };

/** Rewrites JavaScript ESM as CommonJS; throws on what has no plain CommonJS form (re-exports, a default export next to named ones). */
export function toCommonJs(code: string): string {
  const program = babelParse(code, { ...babelOptions('js'), sourceType: 'module' }).program;
  const edits: Edit[] = [];
  const exported: Named[] = [];
  // `export default function name` alone becomes `module.exports = name` (a Fastify plugin for autoload).
  let defaultName: string | null = null;
  for (const statement of program.body) {
    const span = { start: statement.start ?? 0, end: statement.end ?? 0 };
    switch (statement.type) {
      case 'ImportDeclaration':
        edits.push({ ...span, text: requireCode(statement.source.value, statement.specifiers) });
        break;
      case 'ExportNamedDeclaration':
        if (statement.source) throw unsupported(statement, `export ... from '${statement.source.value}'`);
        if (statement.declaration) {
          exported.push(...declaredNames(statement.declaration as Declaration).map((name) => ({ local: name, name })));
          edits.push({ start: span.start, end: statement.declaration.start ?? 0, text: '' });
        } else {
          for (const specifier of statement.specifiers) {
            if (specifier.type !== 'ExportSpecifier') throw unsupported(statement, 'this export form');
            exported.push({ local: specifier.local.name, name: nameOf(specifier.exported) });
          }
          edits.push({ ...span, text: '' });
        }
        break;
      case 'ExportDefaultDeclaration':
        if (statement.declaration.type !== 'FunctionDeclaration' || !statement.declaration.id) throw unsupported(statement, 'export default');
        defaultName = statement.declaration.id.name;
        edits.push({ start: span.start, end: statement.declaration.start ?? 0, text: '' });
        break;
      case 'ExportAllDeclaration':
        throw unsupported(statement, 'export * from');
    }
  }
  if (code.includes('import.meta')) throw unsupported(program, 'import.meta');

  let result = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  // ES modules are strict; keep the CommonJS form so. The file's opening comments stay above the directive
  // (no edit starts before the first statement, so its offset still holds).
  const start = program.body[0]?.start;
  if (start != null && program.directives.length === 0) result = `${result.slice(0, start)}'use strict';\n${result.slice(start)}`;
  if (defaultName && exported.length > 0) throw unsupported(program, 'export default next to named exports');
  if (defaultName) result = `${result.trimEnd()}\n\nmodule.exports = ${defaultName};\n`;
  if (exported.length > 0) result = `${result.trimEnd()}\n\nmodule.exports = ${objectOf(exported, 'module.exports = ;')};\n`;
  return result;
}

type Specifier = { type: string; local: { name: string }; imported?: { type: string; name?: string; value?: string } };

function requireCode(source: string, specifiers: Specifier[]): string {
  const call = `require(${jsLiteral(source)})`;
  if (specifiers.length === 0) return `${call};`;
  const lines: string[] = [];
  const named: Named[] = [];
  let whole: string | null = null;
  for (const specifier of specifiers) {
    if (specifier.type === 'ImportSpecifier' && specifier.imported) {
      named.push({ local: specifier.local.name, name: nameOf(specifier.imported) });
    } else {
      // `import x from` and `import * as x from` both take the module object as CommonJS hands it over.
      whole = specifier.local.name;
      lines.push(`const ${whole} = ${call};`);
    }
  }
  if (named.length > 0) lines.push(`const ${objectOf(named, `const  = ${whole ?? call};`)} = ${whole ?? call};`);
  return lines.join('\n');
}

function declaredNames(declaration: Declaration): string[] {
  if ((declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') && declaration.id) {
    return [declaration.id.name];
  }
  if (declaration.type === 'VariableDeclaration' && declaration.declarations) {
    return declaration.declarations.map(({ id }) => {
      if (id.type !== 'Identifier') throw unsupported(declaration, 'an exported destructuring declaration');
      return (id as Node & { name: string }).name;
    });
  }
  throw unsupported(declaration, 'this export form');
}

function nameOf(node: { type: string; name?: string; value?: string }): string {
  return String(node.type === 'Identifier' ? node.name : node.value);
}

// `{ a, b: c }` on one line when it fits (with the `rest` of its line), else one entry a line.
function objectOf(entries: Named[], rest: string): string {
  const items = entries.map(({ local, name }) => (local === name ? name : `${name}: ${local}`));
  const oneLine = `{ ${items.join(', ')} }`;
  return oneLine.length + rest.length <= MAX_LINE ? oneLine : `{\n${items.map((item) => `  ${item},`).join('\n')}\n}`;
}

function unsupported(node: Node, what: string): Error {
  return new Error(`Cannot convert to CommonJS: ${what} (line ${node.loc?.start.line}) has no plain CommonJS form.`);
}
