// TypeScript -> JavaScript by deleting types, nothing else: the code that remains is the code that was written,
// with its comments and blank lines. Constructs whose JavaScript TypeScript would have to generate (enums,
// namespaces, parameter properties, `import x = require()`, `export =`) are refused instead of translated.
// A comment that opens with `TypeScript:` explains types, so it goes with them.
import { type File, type NodePath, parseModule, removeStatement, visit } from './syntax.js';

type AnyNode = { type: string; [key: string]: unknown };

// Expressions that only tell the type checker something: `x as T`, `x satisfies T`, `x!`, `<T>x`, `f<T>`.
const TYPE_WRAPPERS = new Set([
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSNonNullExpression',
  'TSTypeAssertion',
  'TSInstantiationExpression',
]);
// Statements that are types only.
const TYPE_STATEMENTS = new Set(['TSInterfaceDeclaration', 'TSTypeAliasDeclaration', 'TSDeclareFunction']);
// Fields that hold types on otherwise runtime nodes.
const TYPE_FIELDS = ['typeAnnotation', 'returnType', 'typeParameters', 'superTypeParameters', 'typeArguments'];
// Modifiers with no runtime meaning (`optional` too, except on `a?.b` and `f?.()`, where it is JavaScript).
const TYPE_FLAGS = ['optional', 'definite', 'readonly', 'override', 'abstract', 'accessibility', 'declare'];
const OPTIONAL_CHAINS = new Set(['OptionalMemberExpression', 'OptionalCallExpression']);
const TYPES_NOTE = /^[\s*]*TypeScript:/;

const RUNTIME_TYPESCRIPT: Record<string, string> = {
  TSEnumDeclaration: 'enum',
  TSModuleDeclaration: 'namespace',
  TSParameterProperty: 'parameter property',
  TSImportEqualsDeclaration: 'import = require()',
  TSExportAssignment: 'export =',
};

/** TypeScript constructs with runtime semantics, as `<what> (line N)`; stripping types cannot emit them. */
export function findRuntimeTypeScript(ast: File): string[] {
  const found: string[] = [];
  visit(ast, {
    visitNode(path) {
      const node = path.node as AnyNode & { declare?: boolean; loc?: { start: { line: number } } };
      const what = RUNTIME_TYPESCRIPT[node.type];
      // `declare namespace` / `declare module` are types only.
      if (what && !(node.type === 'TSModuleDeclaration' && node.declare)) found.push(`${what} (line ${node.loc?.start.line})`);
      this.traverse(path);
    },
  });
  return found;
}

/** Turns the TypeScript tree into its JavaScript, in place. */
export function stripTypes(ast: File): void {
  const refused = findRuntimeTypeScript(ast);
  if (refused.length > 0) {
    throw new Error(`Cannot strip types: TypeScript with runtime semantics: ${refused.join(', ')}. Write it as plain JavaScript.`);
  }
  visit(ast, {
    visitNode(path) {
      if (TYPE_WRAPPERS.has(path.node.type) || isParenthesizedTypeWrapper(path.node as AnyNode)) {
        path.replace(withoutTypeWrappers(path.node as AnyNode));
      }
      if (isTypedPattern(path.node as AnyNode)) path.replace(patternWithoutType(path.node as AnyNode));
      const node = path.node as AnyNode;
      if (isTypeOnlyStatement(node) || isTypeOnlyClassMember(node) || isThisParameter(path)) {
        if (isStatementPath(path)) removeStatement(path);
        else path.prune();
        return false;
      }
      if (node.type === 'ImportDeclaration' || node.type === 'ExportNamedDeclaration') dropTypeSpecifiers(node);
      dropTypesNotes(node);
      for (const field of TYPE_FIELDS) if (node[field]) node[field] = null;
      for (const flag of TYPE_FLAGS) if (node[flag] && !(flag === 'optional' && OPTIONAL_CHAINS.has(node.type))) node[flag] = undefined;
      if (Array.isArray(node.implements) && node.implements.length > 0) node.implements = [];
      this.traverse(path);
      return undefined;
    },
  });
}

function isTypeOnlyStatement(node: AnyNode): boolean {
  if (TYPE_STATEMENTS.has(node.type) || node.declare === true) return true;
  if (node.type === 'ImportDeclaration' || node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') {
    if (node.importKind === 'type' || node.exportKind === 'type') return true;
    const declaration = node.declaration as AnyNode | null | undefined;
    if (declaration) return isTypeOnlyStatement(declaration);
    // `import { type A } from 'x'` goes entirely; `import 'x'` (no specifiers) stays for its side effects.
    const specifiers = (node.specifiers ?? []) as AnyNode[];
    return specifiers.length > 0 && specifiers.every(isTypeSpecifier);
  }
  return node.type === 'TSModuleDeclaration'; // only `declare` ones reach this point
}

function isTypeOnlyClassMember(node: AnyNode): boolean {
  if (node.type === 'TSDeclareMethod' || node.type === 'TSIndexSignature') return true;
  return (node.type === 'ClassProperty' || node.type === 'ClassMethod') && (node.declare === true || node.abstract === true);
}

// `function f(this: Window, ...)`: the `this` parameter is a type.
function isThisParameter(path: NodePath): boolean {
  const node = path.node as AnyNode;
  return path.name === 0 && path.parentPath?.name === 'params' && node.type === 'Identifier' && node.name === 'this';
}

function isStatementPath(path: NodePath): boolean {
  return path.parentPath?.name === 'body' && Array.isArray(path.parentPath.value) && path.parent?.node.type === 'Program';
}

function isTypeSpecifier(specifier: AnyNode): boolean {
  return specifier.importKind === 'type' || specifier.exportKind === 'type';
}

function dropTypesNotes(node: AnyNode): void {
  const comments = node.comments as Array<{ value: string }> | null | undefined;
  if (comments?.some((comment) => TYPES_NOTE.test(comment.value))) {
    node.comments = comments.filter((comment) => !TYPES_NOTE.test(comment.value));
  }
}

function dropTypeSpecifiers(node: AnyNode): void {
  const specifiers = node.specifiers as AnyNode[] | undefined;
  if (specifiers?.some(isTypeSpecifier)) node.specifiers = specifiers.filter((s) => !isTypeSpecifier(s));
}

// `(x as T).y`: the parentheses were there for the `as`; recast puts back any that the expression still needs.
function isParenthesizedTypeWrapper(node: AnyNode): boolean {
  return node.type === 'ParenthesizedExpression' && TYPE_WRAPPERS.has((node.expression as AnyNode).type);
}

// `{ a, b }: Options`: recast would reprint the changed pattern in its own style (one property a line), so
// the pattern is parsed again from its own text, without the annotation, and printed as written.
function isTypedPattern(node: AnyNode): boolean {
  return (node.type === 'ObjectPattern' || node.type === 'ArrayPattern') && Boolean(node.typeAnnotation);
}

function patternWithoutType(node: AnyNode): AnyNode {
  type Located = { loc: { start: unknown; lines: { slice(start: unknown, end: unknown): { toString(): string } } } };
  const { loc } = node as unknown as Located;
  const text = loc.lines.slice(loc.start, (node.typeAnnotation as Located).loc.start).toString().trimEnd();
  const parsed = parseModule(`(${text}) => 0;\n`).program.body[0] as unknown as { expression: { params: AnyNode[] } };
  return parsed.expression.params[0] as AnyNode;
}

function withoutTypeWrappers(node: AnyNode): AnyNode {
  let inner = node;
  while (TYPE_WRAPPERS.has(inner.type) || inner.type === 'ParenthesizedExpression') inner = inner.expression as AnyNode;
  return inner;
}
