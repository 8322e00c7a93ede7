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
  const named = () => checker.typeToString(type, undefined, FLAGS(ts));
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
