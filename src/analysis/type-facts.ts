// What the TypeScript checker says about values at a place in a file, in the few shapes the areas ask:
// the type along a property path (`session.user.id`: does each step exist, may it be null, what is the id),
// the variables in scope whose type carries a user id, and the properties a destructured parameter could
// bind. Offsets are in the LF text the Babel trees use. Untyped code answers `any`, never a guess.
import type TS from 'typescript';
import type { TypeProgram } from './program.js';

/** How an id value is typed, which decides how it is passed to the billing module. */
export type IdKind = 'string' | 'number' | 'objectid' | 'any' | 'other';

export type PathFacts =
  /**
   * Every step exists; `nullable[i]`: the value `path[0..i]` may be null or undefined (so step i+1 needs
   * `?.`). Only the first `typed` of those values have a type (past an `any`, nothing is known).
   */
  | { ok: true; nullable: boolean[]; typed: number; kind: IdKind; typeText: string }
  /** Step `missing` (index into the path) is not a property of `typeText`. */
  | { ok: false; missing: number; typeText: string };

export interface ScopeUser {
  /** The variable and the path to the id on it (`['session', 'user', 'id']`). */
  path: string[];
  facts: Extract<PathFacts, { ok: true }>;
  /** `parameter session`, `const user`. */
  declared: string;
}

export interface TypeFacts {
  /** The type along `path` from a variable visible at `offset`; null when the variable is not found. */
  pathAt(offset: number, path: string[]): PathFacts | null;
  /** Variables visible at `offset` (parameters and locals of the enclosing functions) whose type leads to a user id. */
  usersInScope(offset: number): ScopeUser[];
  /** For the object-destructured parameter starting at `offset`: properties its type has that lead to a user id. */
  unboundUsers(paramStart: number): ScopeUser[];
  /** The type along `path` from the value of the expression spanning [start, end) (`await createUser(...)`). */
  pathFrom(start: number, end: number, path: string[]): PathFacts | null;
}

const ID_KEYS = ['id', '_id', 'userId', 'user_id', 'uid', 'sub'];
const USER_HOLDERS = ['user', 'currentUser', 'account', 'viewer', 'member'];
const USER_TYPE = /(^|\W)(User|Account|Member|Customer|Profile|Viewer|Session|Principal)\w*$/;
const USER_ID_NAME = /^(user|account|customer|owner|member|viewer)_?[iI]d$|^uid$/;

export function typeFactsFor(program: TypeProgram, path: string): TypeFacts | null {
  const { ts } = program;
  const file = () => program.sourceFile(path);
  if (!file()) return null;
  const checker = () => program.checker();

  const located = (offset: number): { sf: TS.SourceFile; node: TS.Node } | null => {
    const sf = file();
    return sf ? { sf, node: deepestAt(ts, sf, offset) } : null;
  };

  const walkPath = (start: TS.Type, from: TS.Node, path: string[], first: number): PathFacts => {
    const c = checker();
    let type = start;
    const nullable: boolean[] = [];
    let optional = false;
    for (let i = first; i < path.length; i++) {
      nullable.push(optional || mayBeNull(ts, type));
      const solid = c.getNonNullableType(type);
      // The value before step i (path[i - 1]) is untyped: nothing is known from here on.
      if (solid.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return { ok: true, nullable: [...nullable.slice(0, -1), ...path.slice(i - 1).map(() => false)], typed: i - 1, kind: 'any', typeText: c.typeToString(solid) };
      const prop = solid.getProperty(path[i]);
      if (!prop) return { ok: false, missing: i, typeText: c.typeToString(solid) };
      type = c.getTypeOfSymbolAtLocation(prop, from);
      optional = (prop.flags & ts.SymbolFlags.Optional) !== 0;
    }
    nullable.push(optional || mayBeNull(ts, type));
    return { ok: true, nullable, typed: path.length, kind: idKind(ts, c, type), typeText: c.typeToString(type) };
  };

  /** The path from a value of `type` to a user id: `id` on a user, `user.id` on a session, none. */
  const idPathOn = (type: TS.Type, name: string, from: TS.Node): string[] | null => {
    const c = checker();
    const solid = c.getNonNullableType(type);
    if (solid.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return null;
    if (USER_ID_NAME.test(name) && (solid.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike))) return [];
    const typeName = c.typeToString(solid);
    const idKey = ID_KEYS.find((k) => solid.getProperty(k));
    if (idKey && (USER_TYPE.test(typeName) || solid.getProperty('email') || /^(user|currentUser|account|viewer|me)$/.test(name))) return [idKey];
    for (const holder of USER_HOLDERS) {
      const prop = solid.getProperty(holder);
      if (!prop) continue;
      const inner = c.getNonNullableType(c.getTypeOfSymbolAtLocation(prop, from));
      const innerKey = ID_KEYS.find((k) => inner.getProperty(k));
      if (innerKey) return [holder, innerKey];
    }
    return null;
  };

  const scopeUser = (name: string, nameNode: TS.Node, declared: string): ScopeUser | null => {
    const type = checker().getTypeAtLocation(nameNode);
    const idPath = idPathOn(type, name, nameNode);
    if (!idPath) return null;
    const facts = walkPath(type, nameNode, [name, ...idPath], 1);
    return facts.ok && facts.kind !== 'other' ? { path: [name, ...idPath], facts, declared } : null;
  };

  return {
    pathAt(offset, path) {
      const at = located(offset);
      const root = at && visibleBindings(ts, at.node, offset).find((b) => b.name === path[0]);
      if (!root) return null;
      const type = checker().getTypeAtLocation(root.node);
      const rest = walkPath(type, root.node, path, 1);
      return rest;
    },
    usersInScope(offset) {
      const at = located(offset);
      if (!at) return [];
      const out: ScopeUser[] = [];
      for (const b of visibleBindings(ts, at.node, offset)) {
        const user = scopeUser(b.name, b.node, b.declared);
        if (user) out.push(user);
      }
      return out;
    },
    pathFrom(start, end, path) {
      const at = located(start);
      const node = at && ancestorOf(ts, at.node, (n) => n.getStart(at.sf) === start && n.end === end);
      if (!node) return null;
      return walkPath(checker().getTypeAtLocation(node), node, ['(value)', ...path], 1);
    },
    unboundUsers(paramStart) {
      const at = located(paramStart);
      const param = at && ancestorOf(ts, at.node, (n) => ts.isParameter(n) && ts.isObjectBindingPattern(n.name) && n.getStart() === paramStart);
      if (!param || !ts.isParameter(param) || !ts.isObjectBindingPattern(param.name)) return [];
      const bound = new Set(param.name.elements.map((e) => (e.propertyName ?? e.name).getText()));
      const type = checker().getNonNullableType(checker().getTypeAtLocation(param));
      const out: ScopeUser[] = [];
      for (const prop of type.getProperties()) {
        if (bound.has(prop.name)) continue;
        const propType = checker().getTypeOfSymbolAtLocation(prop, param);
        const idPath = idPathOn(propType, prop.name, param);
        if (!idPath) continue;
        const facts = walkPath(propType, param, [prop.name, ...idPath], 1);
        if (facts.ok && facts.kind !== 'other') out.push({ path: [prop.name, ...idPath], facts, declared: `property ${prop.name} of the parameter` });
      }
      return out;
    },
  };
}

function mayBeNull(ts: typeof TS, type: TS.Type): boolean {
  const nullish = ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void;
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return false;
  return type.isUnion() ? type.types.some((t) => (t.flags & nullish) !== 0) : (type.flags & nullish) !== 0;
}

function idKind(ts: typeof TS, checker: TS.TypeChecker, type: TS.Type): IdKind {
  const solid = checker.getNonNullableType(type);
  if (solid.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return 'any';
  if (solid.flags & ts.TypeFlags.StringLike) return 'string';
  if (solid.flags & ts.TypeFlags.NumberLike) return 'number';
  // `string | number` (the billing module's own ExternalId): an id either way.
  if (solid.isUnion() && solid.types.every((t) => t.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike))) return 'string';
  if (/ObjectI[dD]\b/.test(checker.typeToString(solid)) || solid.getProperty('toHexString')) return 'objectid';
  return 'other';
}

/** The deepest node whose span holds `offset`. */
function deepestAt(ts: typeof TS, sf: TS.SourceFile, offset: number): TS.Node {
  let node: TS.Node = sf;
  for (;;) {
    const child = node.forEachChild((c) => (c.getStart(sf) <= offset && offset < c.end ? c : undefined));
    if (!child) return node;
    node = child;
  }
}

function ancestorOf(ts: typeof TS, node: TS.Node, test: (n: TS.Node) => boolean): TS.Node | null {
  for (let n: TS.Node | undefined = node; n; n = n.parent) if (test(n)) return n;
  return null;
}

interface Binding {
  name: string;
  node: TS.Node;
  declared: string;
}

/**
 * Parameters and locals visible at `offset`, innermost first: each enclosing function's parameters (closures
 * included), and variables declared before `offset` in the blocks around it. Module-level names are left
 * out (they are statements of the source file, not of a block): a signed-in user is never a module global.
 */
function visibleBindings(ts: typeof TS, node: TS.Node, offset: number): Binding[] {
  const out: Binding[] = [];
  const add = (name: TS.BindingName, declared: string) => {
    if (ts.isIdentifier(name)) out.push({ name: name.text, node: name, declared: `${declared} ${name.text}` });
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) add(element.name, declared);
  };
  for (let n: TS.Node | undefined = node; n && !ts.isSourceFile(n); n = n.parent) {
    if (ts.isBlock(n) || ts.isCaseClause(n)) {
      const statements = ts.isBlock(n) ? n.statements : n.statements;
      for (const statement of statements) {
        if (statement.end > offset) break;
        if (ts.isVariableStatement(statement)) for (const d of statement.declarationList.declarations) add(d.name, 'local');
      }
    }
    if (ts.isFunctionLike(n) && 'parameters' in n) for (const p of n.parameters) add(p.name, 'parameter');
  }
  return out;
}

/** The checker's view of one file, made on first call only (most sites never need it). */
export function lazyTypeFacts(program: () => TypeProgram, path: string): () => TypeFacts | null {
  let made: { facts: TypeFacts | null } | null = null;
  return () => (made ??= { facts: typeFactsFor(program(), path) }).facts;
}
