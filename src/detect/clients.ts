// Traces SDK clients through an app: `new OpenAI()` in a variable, a class property, a factory function,
// an export another file imports, or a Fastify decoration. Billable-call matching asks this module
// "what is the receiver of this call?".
import type * as t from '@babel/types';
import { collectImports, type ImportBinding } from '../ast/imports.js';
import { dottedName, isFunction, propertyKey, stringValue, unwrap } from '../ast/nodes.js';
import { walk, type Node } from '../ast/walk.js';
import { AI_SDK_FUNCTIONS, AI_SDK_PACKAGES, CLIENT_SDKS, type ClientSdk } from './sdk-catalog.js';

export interface TracedClient {
  sdk: ClientSdk;
  /** How it was traced, for reports: `new OpenAI() in src/lib/openai.ts`. */
  via: string;
  /** A LangChain runnable built from a model (a chain, structured output, bound tools), not the model itself. */
  chain?: boolean;
}

/** LangChain methods that wrap a model in another runnable: still billable, but their result is not the model's message. */
const RUNNABLE_WRAPPERS = new Set(['withStructuredOutput', 'bindTools', 'bind', 'withConfig', 'withRetry', 'withFallbacks', 'pipe']);

/** Clients other files can reach: exports, exported factories, and decorations, across a package. */
export interface ClientIndex {
  exports: Map<string, Map<string, TracedClient>>;
  factories: Map<string, Map<string, TracedClient>>;
  decorations: Map<string, TracedClient>;
}

export function emptyClientIndex(): ClientIndex {
  return { exports: new Map(), factories: new Map(), decorations: new Map() };
}

/** What one file knows about clients. */
export interface FileClients {
  file: string;
  imports: ImportBinding[];
  classes: Map<string, ClientSdk>;
  locals: Map<string, TracedClient>;
  thisProps: Map<string, TracedClient>;
  factories: Map<string, TracedClient>;
  decorations: Map<string, TracedClient>;
  /** Local names of AI SDK functions (`generateText`), and namespaces (`*`) of the `ai` package. */
  aiSdk: Map<string, string>;
  /** Namespace imports of project files: local name → resolved file. */
  namespaces: Map<string, string>;
}

/** Resolves an import specifier of `from` to a project file, or null (packages, unknown). */
export type ImportResolver = (from: string, specifier: string) => string | null;

export function readFileClients(file: string, ast: t.File, index: ClientIndex, resolve: ImportResolver): FileClients {
  const imports = collectImports(ast);
  const fc: FileClients = {
    file,
    imports,
    classes: new Map(),
    locals: new Map(),
    thisProps: new Map(),
    factories: new Map(),
    decorations: new Map(),
    aiSdk: new Map(),
    namespaces: new Map(),
  };
  for (const imp of imports) {
    if (imp.typeOnly) continue;
    const sdk = CLIENT_SDKS.find((s) => s.packages.includes(imp.source) && s.classes.includes(imp.imported));
    if (sdk) {
      fc.classes.set(imp.local, sdk);
      continue;
    }
    if (AI_SDK_PACKAGES.includes(imp.source)) {
      if (imp.imported === '*' || AI_SDK_FUNCTIONS.includes(imp.imported)) fc.aiSdk.set(imp.local, imp.imported);
      continue;
    }
    const target = resolve(file, imp.source);
    if (!target) continue;
    if (imp.imported === '*') fc.namespaces.set(imp.local, target);
    const exported = index.exports.get(target)?.get(imp.imported);
    if (exported) fc.locals.set(imp.local, exported);
    const factory = index.factories.get(target)?.get(imp.imported);
    if (factory) fc.factories.set(imp.local, factory);
  }
  // Two passes: the second sees variables and factories the first found later in the file.
  for (let pass = 0; pass < 2; pass++) collectLocalClients(ast, fc, index);
  return fc;
}

function collectLocalClients(ast: t.File, fc: FileClients, index: ClientIndex): void {
  walk(ast.program, (node) => {
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init) {
      const client = clientOf(node.init, fc, index);
      if (client) fc.locals.set(node.id.name, client);
      else if (isFunction(node.init)) noteFactory(node.id.name, node.init, fc, index);
    } else if (node.type === 'FunctionDeclaration' && node.id) {
      noteFactory(node.id.name, node, fc, index);
    } else if (node.type === 'VariableDeclarator' && node.id.type === 'ObjectPattern' && node.init) {
      // const { openai } = request.server / = fastify / = this
      for (const prop of node.id.properties) {
        const key = prop.type === 'ObjectProperty' ? propertyKey(prop) : null;
        const local = prop.type === 'ObjectProperty' && prop.value.type === 'Identifier' ? prop.value.name : null;
        const client = key && local ? memberClient(node.init, key, fc, index) : null;
        if (client && local) fc.locals.set(local, client);
      }
    } else if (node.type === 'AssignmentExpression' && ASSIGN.has(node.operator)) {
      const client = clientOf(node.right, fc, index);
      if (!client) return;
      if (node.left.type === 'Identifier') fc.locals.set(node.left.name, client);
      else if (node.left.type === 'MemberExpression' && node.left.object.type === 'ThisExpression') {
        const key = node.left.property.type === 'Identifier' ? node.left.property.name : stringValue(node.left.property);
        if (key) fc.thisProps.set(key, client);
      }
    } else if ((node.type === 'ClassProperty' || node.type === 'ClassPrivateProperty') && node.value) {
      const client = clientOf(node.value, fc, index);
      const key = node.type === 'ClassProperty' ? propertyKey(node) : null;
      if (client && key) fc.thisProps.set(key, client);
    } else if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression') {
      // fastify.decorate('openai', client) / app.decorate(...)
      const method = node.callee.property.type === 'Identifier' ? node.callee.property.name : null;
      if (method !== 'decorate' || node.arguments.length < 2) return;
      const name = stringValue(node.arguments[0]);
      const client = clientOf(node.arguments[1], fc, index);
      if (name && client) fc.decorations.set(name, client);
    }
  });
}

/** Assignments that can store a client: memoised factories write `client ??= new OpenAI()`. */
const ASSIGN = new Set(['=', '??=', '||=']);

function noteFactory(name: string, fn: Node, fc: FileClients, index: ClientIndex): void {
  if (!isFunction(fn)) return;
  const returned: Node[] = [];
  if (fn.body.type !== 'BlockStatement') returned.push(fn.body);
  else {
    walk(fn.body, (node) => {
      if (node !== fn.body && isFunction(node)) return 'skip';
      if (node.type === 'ReturnStatement' && node.argument) returned.push(node.argument);
    });
  }
  for (const expr of returned) {
    const client = clientOf(expr, fc, index);
    if (client) {
      fc.factories.set(name, client);
      return;
    }
  }
}

/** The client an expression evaluates to, when it can be traced. */
export function clientOf(expr: Node, fc: FileClients, index: ClientIndex): TracedClient | null {
  const n = unwrap(expr);
  if (n.type === 'NewExpression') {
    const callee = n.callee.type === 'Identifier' ? n.callee.name : null;
    const sdk = callee ? fc.classes.get(callee) : namespacedClass(n.callee, fc);
    if (sdk) return { sdk, via: `new ${dottedName(n.callee) ?? 'client'}() in ${fc.file}` };
    return null;
  }
  if (n.type === 'Identifier') return fc.locals.get(n.name) ?? null;
  if (n.type === 'LogicalExpression' && n.operator === '??') return clientOf(n.right, fc, index) ?? clientOf(n.left, fc, index);
  if (n.type === 'AssignmentExpression') return clientOf(n.right, fc, index);
  if (n.type === 'CallExpression' && n.callee.type === 'Identifier') return fc.factories.get(n.callee.name) ?? null;
  if (n.type === 'CallExpression') return runnableFrom(n, fc, index);
  if (n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') {
    const key = n.property.type === 'Identifier' && !n.computed ? n.property.name : stringValue(n.property);
    return key ? memberClient(n.object, key, fc, index) : null;
  }
  return null;
}

/**
 * A LangChain runnable that contains a model: `model.withStructuredOutput(...)`, `prompt.pipe(model)`,
 * `RunnableSequence.from([prompt, model, parser])`, `RunnableSequence.from({ ... })`.
 */
function runnableFrom(call: t.CallExpression, fc: FileClients, index: ClientIndex): TracedClient | null {
  const callee = unwrap(call.callee);
  if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return null;
  const method = callee.property.name;
  const chained = (client: TracedClient | null) => (client?.sdk.provider === 'langchain' ? { ...client, chain: true } : null);
  if (RUNNABLE_WRAPPERS.has(method)) {
    const own = chained(clientOf(callee.object, fc, index));
    if (own) return own;
    if (method === 'pipe') for (const arg of call.arguments) if (arg.type !== 'SpreadElement') return chained(clientOf(arg, fc, index));
    return null;
  }
  if ((method === 'from' || method === 'sequence') && /Runnable(Sequence|Map|Parallel)/.test(dottedName(callee.object) ?? '')) {
    for (const arg of call.arguments) {
      const items = arg.type === 'ArrayExpression' ? arg.elements : arg.type === 'ObjectExpression' ? arg.properties.map((p) => (p.type === 'ObjectProperty' ? p.value : null)) : [];
      for (const item of items) {
        const found = item && item.type !== 'SpreadElement' ? chained(clientOf(item as Node, fc, index)) : null;
        if (found) return found;
      }
    }
  }
  return null;
}

/** The client at `object.key` (or destructured as `{ key } = object`). */
function memberClient(object: Node, key: string, fc: FileClients, index: ClientIndex): TracedClient | null {
  const o = unwrap(object);
  if (o.type === 'ThisExpression') {
    const own = fc.thisProps.get(key);
    if (own) return own;
  }
  if (o.type === 'Identifier') {
    const ns = fc.namespaces.get(o.name);
    if (ns) return index.exports.get(ns)?.get(key) ?? null;
  }
  // fastify.openai, request.server.openai, this.openai inside a route: a decoration by name.
  return fc.decorations.get(key) ?? index.decorations.get(key) ?? null;
}

/** `new sdk.OpenAI()` where `sdk` is a namespace import (or whole require) of the SDK package. */
function namespacedClass(callee: Node, fc: FileClients): ClientSdk | undefined {
  if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier' || callee.property.type !== 'Identifier') return undefined;
  const ns = callee.object.name;
  const imp = fc.imports.find((i) => i.local === ns && i.imported === '*' && !i.typeOnly);
  const name = callee.property.name;
  return imp ? CLIENT_SDKS.find((s) => s.packages.includes(imp.source) && s.classes.includes(name)) : undefined;
}

/**
 * Adds a file's exported clients, factories and decorations to the package index. With `resolve`,
 * re-exports (`export { openai } from './openai.js'`, `export * from`) carry what the index knows already.
 */
export function indexFileClients(ast: t.File, fc: FileClients, index: ClientIndex, resolve?: ImportResolver): void {
  const exports = new Map<string, TracedClient>();
  const factories = new Map<string, TracedClient>();
  const note = (exportName: string, localOrExpr: Node) => {
    const client = clientOf(localOrExpr, fc, index);
    if (client) exports.set(exportName, client);
    const name = localOrExpr.type === 'Identifier' ? localOrExpr.name : null;
    const factory = name ? fc.factories.get(name) : undefined;
    if (factory) factories.set(exportName, factory);
  };
  for (const stmt of ast.program.body) {
    if (stmt.type === 'ExportNamedDeclaration') {
      const decl = stmt.declaration;
      if (decl?.type === 'VariableDeclaration') {
        for (const d of decl.declarations) if (d.id.type === 'Identifier') note(d.id.name, d.id);
      } else if (decl?.type === 'FunctionDeclaration' && decl.id) note(decl.id.name, decl.id);
      const from = stmt.source && resolve ? resolve(fc.file, stmt.source.value) : null;
      for (const spec of stmt.specifiers) {
        if (spec.type !== 'ExportSpecifier') continue;
        const exported = spec.exported.type === 'Identifier' ? spec.exported.name : spec.exported.value;
        if (!stmt.source) note(exported, spec.local);
        else if (from) reexport(index, from, spec.local.name, exported, exports, factories);
      }
    } else if (stmt.type === 'ExportAllDeclaration' && resolve) {
      const from = resolve(fc.file, stmt.source.value);
      for (const name of from ? [...(index.exports.get(from)?.keys() ?? []), ...(index.factories.get(from)?.keys() ?? [])] : []) {
        if (name !== 'default' && name !== '*' && from) reexport(index, from, name, name, exports, factories);
      }
    } else if (stmt.type === 'ExportDefaultDeclaration') {
      const decl = stmt.declaration;
      if (decl.type === 'FunctionDeclaration') {
        if (decl.id) note('default', decl.id);
      } else if (decl.type !== 'ClassDeclaration' && !decl.type.startsWith('TS')) note('default', decl as Node);
    } else if (stmt.type === 'ExpressionStatement' && stmt.expression.type === 'AssignmentExpression') {
      noteCommonJsExport(stmt.expression, note);
    }
  }
  for (const [name, client] of fc.decorations) index.decorations.set(name, client);
  if (exports.size) index.exports.set(fc.file, exports);
  if (factories.size) index.factories.set(fc.file, factories);
}

function reexport(index: ClientIndex, from: string, name: string, as: string, exports: Map<string, TracedClient>, factories: Map<string, TracedClient>): void {
  const client = index.exports.get(from)?.get(name);
  if (client) exports.set(as, client);
  const factory = index.factories.get(from)?.get(name);
  if (factory) factories.set(as, factory);
}

function noteCommonJsExport(assign: t.AssignmentExpression, note: (name: string, value: Node) => void): void {
  const target = dottedName(assign.left);
  if (target === 'module.exports') {
    if (assign.right.type === 'ObjectExpression') {
      for (const prop of assign.right.properties) {
        const key = propertyKey(prop);
        if (key && prop.type === 'ObjectProperty') note(key, prop.value as Node);
      }
    } else {
      note('default', assign.right);
      note('*', assign.right);
    }
  } else if (target?.startsWith('module.exports.') || target?.startsWith('exports.')) {
    note(target.split('.').pop() as string, assign.right);
  }
}
