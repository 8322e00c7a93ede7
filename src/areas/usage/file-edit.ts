// One file being edited by the usage-events transform: its tree, its code style, the imports it will need
// (added only once something uses them), the reporter, and the few idioms every step shares — parsing code
// written in house style, choosing how to send an event, marking a site a person has to finish.
import type * as t from '@babel/types';
import type { API, FileInfo } from 'jscodeshift';
import { ImportPlanner, type ImportWish } from '../../ast/add-import.js';
import { addMarker } from '../../ast/edit.js';
import { collectImports, importSyntaxOf } from '../../ast/imports.js';
import { isFunction, lineOf, type FunctionNode } from '../../ast/nodes.js';
import { printEdited } from '../../ast/print.js';
import { applyStyle, detectStyle, type CodeStyle } from '../../ast/style.js';
import { reporterFor, type Reporter } from '../../ast/transform.js';
import { walk, type Node } from '../../ast/walk.js';
import { backgroundStyle, nextHasAfter, roleOf } from '../../frameworks/responses.js';
import type { BillableSite, SiteOptions } from '../billable-sites.js';
import { LATEST_MAJORS, type SdkMajors } from './event-data.js';
import type { HelperPlan } from './helper-plan.js';
import { trackStatementCode, type SendStyle, type TrackCall } from './track-code.js';

export interface UsageEventsOptions extends SiteOptions {
  /** How this file imports the billing module (`billing` from `../lib/billing.js`, other spellings that are the same module). */
  billing: ImportWish;
  /** The package's module system, for files that show neither imports nor requires. */
  module?: 'esm' | 'cjs';
  /** Installed Next.js version (decides `after()`); null elsewhere. */
  nextVersion?: string | null;
  /** The Next.js app also has a pages router (a helper may run outside the app router). */
  pagesRouter?: boolean;
  majors?: SdkMajors;
  /** Helpers (here or in other files) whose usage is handled at their call sites or by passing them the user. */
  helpers?: HelperPlan[];
}

export class FileEdit {
  readonly style: CodeStyle;
  readonly reporter: Reporter;
  readonly majors: SdkMajors;
  private readonly planner: ImportPlanner;
  changed = false;

  constructor(
    readonly api: API,
    readonly file: FileInfo,
    readonly ast: t.File,
    readonly options: UsageEventsOptions,
    private readonly root: { toSource(options: object): string },
    reporter?: Reporter,
  ) {
    this.style = detectStyle(file.source);
    this.reporter = reporterFor(api, file.path, reporter);
    this.majors = options.majors ?? LATEST_MAJORS;
    this.planner = new ImportPlanner(ast, importSyntaxOf(ast, file.path, options.module));
  }

  get path(): string {
    return this.file.path;
  }

  get text(): string {
    return this.file.source;
  }

  /** A local name free everywhere in the file. */
  reserve(name: string): string {
    return this.planner.reserve(name);
  }

  private readonly usedIn = new Map<Node, Set<string>>();

  /**
   * A name for a new local at a site (`completion`, `completion2`): not used anywhere in the top-level
   * statement around it (so it neither clashes with nor shadows anything there), not declared at module
   * level, and not given to another new local of the same statement.
   */
  fresh(name: string, ancestors: readonly Node[]): string {
    const top = ancestors[1] ?? ancestors[0];
    const text = top ? this.text.slice(top.start ?? 0, top.end ?? 0) : this.text;
    const used = this.usedIn.get(top) ?? new Set<string>();
    this.usedIn.set(top, used);
    for (let i = 1; ; i++) {
      const candidate = i === 1 ? name : `${name}${i}`;
      if (used.has(candidate) || this.moduleNames.has(candidate) || new RegExp(`(^|[^\\w$])${candidate}($|[^\\w$])`).test(text)) continue;
      used.add(candidate);
      return candidate;
    }
  }

  private get moduleNames(): Set<string> {
    this.moduleLevel ??= moduleLevelNames(this.ast);
    return this.moduleLevel;
  }

  private moduleLevel: Set<string> | undefined;

  /** Statements parsed from code written in house style, adapted to the file's style. */
  statements(code: string): t.Statement[] {
    const program = (this.api.jscodeshift(applyStyle(code, this.style)).get().node as t.File).program;
    return program.body;
  }

  /** One expression (a user id, `undefined`), parsed with the file's parser. */
  expression(code: string): t.Expression {
    const [statement] = this.statements(`(${code});`);
    const expression = (statement as t.ExpressionStatement).expression;
    // The parentheses only made it parse as an expression; they are not part of it.
    const node = expression as { extra?: { parenthesized?: boolean }; original?: { extra?: { parenthesized?: boolean } } };
    delete node.extra?.parenthesized;
    delete node.original?.extra?.parenthesized;
    return expression;
  }

  /** An object pattern, parsed from code (`{ text, totalUsage }`). */
  pattern(code: string): t.ObjectPattern {
    return (this.expression(`(${code}) => {}`) as t.ArrowFunctionExpression).params[0] as t.ObjectPattern;
  }

  /** How an event leaves a site without holding the response: `after()` in Next.js app-router code, else not awaited (awaited only when usage.onError is 'fail'). */
  sendStyle(site: BillableSite, fn: FunctionNode | null): SendStyle {
    const role = site.handler ? roleOf(site.handler.kind) : null;
    let style: SendStyle;
    // usage.onError 'fail': a failed event must fail the request, so it is awaited where it can be.
    if (this.options.config.usage?.onError === 'fail') style = 'await';
    else if (role) style = backgroundStyle(role, this.options.nextVersion ?? null);
    else if (this.options.framework !== 'next') style = 'void';
    // A helper in a Next.js app may also serve the pages router, where after() is not available.
    else style = nextHasAfter(this.options.nextVersion ?? null) && !this.options.pagesRouter ? 'after' : 'void';
    return style === 'await' && !(fn && isFunction(fn) && fn.async) ? 'void' : style;
  }

  /** The statement sending `call`, as code in the file's style (imports planned). */
  trackStatement(call: Omit<TrackCall, 'billing'>, style: SendStyle): string {
    const billing = this.planner.use(this.options.billing);
    const after = style === 'after' ? this.planner.use({ source: 'next/server', name: 'after' }) : undefined;
    return trackStatementCode({ ...call, billing }, style, after, this.options.lint?.noVoid === true);
  }

  skip(node: Node, reason: string): void {
    this.reporter.skip(lineOf(node), reason);
  }

  /** A site a person has to finish: one marker on its statement, a manual step with the code to add. */
  manual(statement: Node | null, node: Node, message: string, snippet?: string): void {
    if (statement && addMarker(statement, message)) this.changed = true;
    this.reporter.manual(lineOf(node), message, snippet);
  }

  print(): string {
    // Objects recast reprints (an added `stream_options`) keep the file's trailing commas.
    const trailingComma = /,[ \t]*\n[ \t]*[}\])]/.test(this.text);
    return printEdited(this.root, this.file, this.style, this.planner, { trailingComma });
  }
}

/** Names bound at module level: imports, and top-level functions, classes and variables. */
function moduleLevelNames(ast: t.File): Set<string> {
  const names = new Set(collectImports(ast).map((i) => i.local));
  for (const stmt of ast.program.body) {
    const decl = stmt.type === 'ExportNamedDeclaration' || stmt.type === 'ExportDefaultDeclaration' ? stmt.declaration : stmt;
    if (!decl) continue;
    if ((decl.type === 'FunctionDeclaration' || decl.type === 'ClassDeclaration') && decl.id) names.add(decl.id.name);
    if (decl.type === 'VariableDeclaration') {
      for (const d of decl.declarations) walk(d.id, (n) => void (n.type === 'Identifier' && names.add(n.name)));
    }
  }
  return names;
}
