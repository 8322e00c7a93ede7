// What an importer can see of a module, as text: each export with its type, object and class types spelled out
// member by member. Two checkers print the same type with its members and union members in the order they
// were created (a file checked in full first, or not), so members are sorted: equal texts mean equal exports.
import type TS from 'typescript';

const DEPTH = 4;
const FLAGS = (ts: typeof TS) => ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseFullyQualifiedType | ts.TypeFormatFlags.WriteClassExpressionAsTypeLiteral;

/** Each export's value type and declared type (classes, interfaces, aliases, enums); null for a file without exports. */
export function describeExports(ts: typeof TS, checker: TS.TypeChecker, sf: TS.SourceFile): string | null {
  const moduleSymbol = checker.getSymbolAtLocation(sf);
  if (!moduleSymbol) return null;
  const print = (type: TS.Type) => describeType(ts, checker, sf, type, 0, new Set());
  return checker
    .getExportsOfModule(moduleSymbol)
    .map((exported) => {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const value = symbol.flags & ts.SymbolFlags.Value ? print(checker.getTypeOfSymbolAtLocation(symbol, sf)) : '';
      const declared = symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Enum) ? print(checker.getDeclaredTypeOfSymbol(symbol)) : '';
      return `${exported.name} = ${value} :: ${declared}`;
    })
    .join('\n');
}

/**
 * A type as text with union and intersection members and object members sorted, to a few levels deep.
 */
function describeType(ts: typeof TS, checker: TS.TypeChecker, sf: TS.SourceFile, type: TS.Type, depth: number, seen: Set<TS.Type>): string {
  const named = () => canonicalTypeText(checker.typeToString(type, undefined, FLAGS(ts)));
  if (depth > DEPTH || seen.has(type)) return named();
  const inner = (t: TS.Type) => describeType(ts, checker, sf, t, depth + 1, new Set([...seen, type]));
  if (type.isUnion()) return type.types.map(inner).sort().join(' | ');
  if (type.isIntersection()) return type.types.map(inner).sort().join(' & ');
  if (!(type.flags & ts.TypeFlags.Object)) return named();
  // A named class or interface of a library prints as its name and type arguments (Promise<...>, Date); an
  // anonymous or mapped type (a query builder's row) is spelled out wherever it is declared.
  const flags = (type as TS.ObjectType).objectFlags;
  const symbol = type.getSymbol();
  const declaredIn = symbol?.declarations?.[0]?.getSourceFile().fileName ?? '';
  const isNamed = (flags & (ts.ObjectFlags.Class | ts.ObjectFlags.Interface | ts.ObjectFlags.Reference)) !== 0 && symbol !== undefined && !symbol.name.startsWith('__');
  if (isNamed && /\/node_modules\/|\/typescript\/lib\//.test(declaredIn)) {
    const args = flags & ts.ObjectFlags.Reference ? checker.getTypeArguments(type as TS.TypeReference) : [];
    return args.length ? `${symbol.name}<${args.map(inner).join(', ')}>` : symbol.name;
  }
  const signature = (sig: TS.Signature, kind: string) =>
    `${kind}(${sig.parameters.map((p) => `${p.name}: ${inner(checker.getTypeOfSymbolAtLocation(p, sf))}`).join(', ')}) => ${inner(sig.getReturnType())}`;
  const parts = [
    ...checker.getSignaturesOfType(type, ts.SignatureKind.Call).map((sig) => signature(sig, '')),
    ...checker.getSignaturesOfType(type, ts.SignatureKind.Construct).map((sig) => signature(sig, 'new ')),
    ...checker
      .getPropertiesOfType(type)
      .map((p) => `${p.name}${p.flags & ts.SymbolFlags.Optional ? '?' : ''}: ${inner(checker.getTypeOfSymbolAtLocation(p, sf))}`)
      .sort(),
  ];
  return `{ ${parts.join('; ')} }`;
}

/**
 * The text TypeScript prints for a type beyond the depth spelled out above, with what two checkers print in
 * different orders put in one: the properties of each object type (`{ id: string; documentId: string; }`,
 * a mapped row type) and the members of each union of literals (`"text" | "code"`), in the order the checker
 * made them. Call, construct and index signatures and methods keep their place: an overload's order matters.
 */
export function canonicalTypeText(text: string): string {
  return withLiteralUnionsSorted(withPropertiesSorted(text));
}

// A property signature: `name: T`, `name?: T`, `readonly "quoted-name": T`.
const PROPERTY = /^(?:readonly )?(?:[\w$]+|"(?:[^"\\]|\\.)*")\??: /;

/** Each `{ ... }` with only property members, members sorted; nested blocks first. Strings are passed over. */
function withPropertiesSorted(text: string): string {
  let i = 0;
  // Reads from i to the `}` that closes the block opened just before i (or to the end), returning its text.
  const readUntilClose = (inBlock: boolean): string => {
    const members: string[] = [];
    let current = '';
    let depth = 0;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"' || c === "'" || c === '`') {
        const end = stringEnd(text, i);
        current += text.slice(i, end);
        i = end;
        continue;
      }
      if (c === '{') {
        i++;
        current += readUntilClose(true);
        continue;
      }
      if (inBlock && c === '}' && depth === 0) {
        i++;
        if (current.trim()) members.push(current.trim());
        const sorted = members.every((m) => PROPERTY.test(m)) ? [...members].sort() : members;
        return sorted.length ? `{ ${sorted.join('; ')}; }` : '{}';
      }
      if (c === '(' || c === '[' || (c === '<' && text[i - 1] !== '=')) depth++;
      else if (c === ')' || c === ']' || (c === '>' && text[i - 1] !== '=')) depth--;
      if (inBlock && c === ';' && depth === 0) {
        if (current.trim()) members.push(current.trim());
        current = '';
        i++;
        continue;
      }
      current += c;
      i++;
    }
    // An unclosed block (not TypeScript's output): left as it was.
    return inBlock ? `{${members.map((m) => `${m};`).join('')}${current}` : current;
  };
  return readUntilClose(false);
}

/** The index just past the string or template literal that starts at `start`. */
function stringEnd(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length && text[i] !== quote) i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

// A union of string or number literals (`"text" | "code" | "sheet"`) with its members sorted. A run next to
// an `&` is left as it is (`A & "x" | "y"` is `(A & "x") | "y"`), and a number must stand alone (`Foo9 | 3`
// is no union of numbers).
const LITERAL = String.raw`(?:"(?:[^"\\]|\\.)*"|(?<![\w$.])-?\d+(?:\.\d+)?(?![\w$]))`;
const LITERAL_UNION = new RegExp(String.raw`(?<!& )${LITERAL}(?: \| ${LITERAL})+(?! &)`, 'g');
const MEMBER = new RegExp(LITERAL, 'g');

function withLiteralUnionsSorted(text: string): string {
  return text.replace(LITERAL_UNION, (run) => [...run.matchAll(MEMBER)].map((m) => m[0]).sort().join(' | '));
}
