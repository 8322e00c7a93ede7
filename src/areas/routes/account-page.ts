// Where signed-in users manage their account in a React (Next.js) app: an account, settings, profile, billing
// or dashboard page, else a header or nav component. The billing link (and the BillingBalance component) goes
// in as the last child of the element the component returns, on a line of its own, so the diff is one or two
// lines. Anything less plain (no multi-line JSX root, several candidates of one kind) gets a snippet instead.
import { posix } from 'node:path';
import type * as t from '@babel/types';
import { ImportPlanner, type ImportWish } from '../../ast/add-import.js';
import { importSyntaxOf } from '../../ast/imports.js';
import { parseSource } from '../../ast/parse.js';
import { detectStyle } from '../../ast/style.js';
import { walk } from '../../ast/walk.js';
import type { DetectedPackage } from '../../detect/stack.js';
import { modifyFile } from '../../plan/file-change.js';
import type { FileChange } from '../../plan/types.js';

export interface JsxSpot {
  file: string;
  /** Offset (in the file's LF text) of the line holding the root element's closing tag. */
  at: number;
  /** Indentation of a new last child. */
  indent: string;
  /** What the spot is, for notes: `the account page`, `the header component`. */
  what: string;
  /** A React server component (app router, no 'use client' in it or in a file importing it). */
  server: boolean;
}

const PAGE = /(^|\/)(account|settings|profile|billing|dashboard)(\/page|\/index)?\.(tsx|jsx|js)$/;
const HEADER = /(^|\/)(header|site-header|navbar|nav|navigation|top-?bar)\.(tsx|jsx)$/i;

export function findAccountSpot(pkg: DetectedPackage): JsxSpot | null {
  const { info } = pkg;
  if (info.framework !== 'next') return null;
  const inPkg = (f: string) => info.path === '.' || f.startsWith(`${info.path}/`);
  const files = pkg.ctx.project.files.filter((f) => inPkg(f) && !f.includes('/api/') && !/\.(test|spec|stories)\./.test(f));
  const pages = files.filter((f) => PAGE.test(f) && /(^|\/)(app|pages)\//.test(f) && (!/(^|\/)app\//.test(f) || /\/page\.[jt]sx?$/.test(f)));
  const headers = files.filter((f) => HEADER.test(f));
  for (const [list, what] of [
    [pages, 'the account page'],
    [headers, 'the header component'],
  ] as const) {
    if (list.length !== 1) continue;
    const spot = spotIn(pkg, list[0], what);
    if (spot) return spot;
  }
  return null;
}

function spotIn(pkg: DetectedPackage, file: string, what: string): JsxSpot | null {
  const text = pkg.ctx.text(file);
  const ast = pkg.ctx.parse(file);
  if (!text || !ast) return null;
  const root = returnedRoot(ast);
  if (!root || root.type !== 'JSXElement' || !root.closingElement) return null;
  const close = root.closingElement.start ?? 0;
  const lineStart = text.lastIndexOf('\n', close - 1) + 1;
  // The closing tag must start its own line (`  </main>`), so a new child is a line of its own.
  if (text.slice(lineStart, close).trim() !== '') return null;
  const closeIndent = text.slice(lineStart, close);
  const lastChild = [...root.children].reverse().find((c) => c.type !== 'JSXText' || c.value.trim() !== '');
  const childLine = lastChild ? text.slice(text.lastIndexOf('\n', (lastChild.start ?? 0) - 1) + 1, lastChild.start ?? 0) : null;
  const indent = childLine !== null && childLine.trim() === '' ? childLine : `${closeIndent}  `;
  return { file, at: lineStart, indent, what, server: isServerComponent(pkg, file, text) };
}

/** The JSX the file's default export (or its only exported function) returns. */
function returnedRoot(ast: t.File): t.Node | null {
  let fn: t.Node | null = null;
  for (const statement of ast.program.body) {
    if (statement.type === 'ExportDefaultDeclaration' && statement.declaration.type !== 'Identifier') fn = statement.declaration;
    if (statement.type === 'ExportDefaultDeclaration' && statement.declaration.type === 'Identifier') fn = declared(ast, statement.declaration.name);
    if (!fn && statement.type === 'ExportNamedDeclaration' && statement.declaration?.type === 'FunctionDeclaration') fn = statement.declaration;
  }
  if (!fn || !['FunctionDeclaration', 'ArrowFunctionExpression', 'FunctionExpression'].includes(fn.type)) return null;
  const body = (fn as t.Function).body;
  if (body.type !== 'BlockStatement') return unparen(body);
  let found: t.Node | null = null;
  walk(body, (node) => {
    if (node !== body && /Function/.test(node.type)) return 'skip';
    if (node.type === 'ReturnStatement' && node.argument && /^JSX/.test(unparen(node.argument).type)) found = unparen(node.argument);
  });
  return found;
}

function declared(ast: t.File, name: string): t.Node | null {
  for (const statement of ast.program.body) {
    if (statement.type === 'FunctionDeclaration' && statement.id?.name === name) return statement;
    if (statement.type === 'VariableDeclaration') {
      const decl = statement.declarations.find((d) => d.id.type === 'Identifier' && d.id.name === name);
      if (decl?.init) return decl.init;
    }
  }
  return null;
}

function unparen(node: t.Node): t.Node {
  return node.type === 'ParenthesizedExpression' ? unparen(node.expression) : node;
}

/** App-router files are server components unless they, or a file importing them, say 'use client'. */
function isServerComponent(pkg: DetectedPackage, file: string, text: string): boolean {
  if (pkg.info.router === 'pages' || !/\.[jt]sx$/.test(file) || USE_CLIENT.test(text)) return false;
  if (/(^|\/)app\//.test(file)) return true;
  const stem = posix.basename(file).replace(/\.[jt]sx?$/, '');
  return !pkg.ctx.sources.some(([other, otherText]) => other !== file && USE_CLIENT.test(otherText) && new RegExp(`from ['"][^'"]*/${stem}['"]`).test(otherText));
}

const USE_CLIENT = /^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*['"]use client['"]/;

/** The spot's file with `jsx` (given the imported name, when there is an import) as the root element's new last child. */
export function insertChild(pkg: DetectedPackage, spot: JsxSpot, jsx: (local: string) => string, wish?: ImportWish): FileChange | null {
  const text = pkg.ctx.text(spot.file);
  if (text === null || text === undefined) return null;
  return modifyFile(spot.file, text, (lf) => {
    const ast = parseSource(spot.file, lf);
    const planner = new ImportPlanner(ast, importSyntaxOf(ast, spot.file, pkg.info.module));
    const local = wish ? planner.use(wish) : '';
    const edited = `${lf.slice(0, spot.at)}${spot.indent}${jsx(local)}\n${lf.slice(spot.at)}`;
    return planner.insertInto(edited, spot.file, detectStyle(lf));
  });
}
