// jscodeshift transform for the `customers` area: create the billing customer right after the app creates a
// user, in each signup site of the file. The area passes the sites it found package-wide (`targets`); a
// plain `jscodeshift --no-babel -t dist/transforms/customers.js` run in the app's folder works them out the
// same way first (src/areas/standalone.ts).
import type * as t from '@babel/types';
import type { API, FileInfo } from 'jscodeshift';
import { ImportPlanner } from '../src/ast/add-import.js';
import { importSyntaxOf } from '../src/ast/imports.js';
import { enclosingStatement, isFunction, lineOf, type FunctionNode } from '../src/ast/nodes.js';
import { printEdited } from '../src/ast/print.js';
import { detectStyle } from '../src/ast/style.js';
import { reporterFor, siteVerdict, type Reporter, type SiteFilter } from '../src/ast/transform.js';
import { addToClerkWebhook } from '../src/areas/customers/clerk-webhook.js';
import { addToHandler } from '../src/areas/customers/handler-site.js';
import { addToLibraryHook } from '../src/areas/customers/library-hooks.js';
import { nodeAt, statementOfFunction, stopAt, type Located } from '../src/areas/customers/site.js';
import { standaloneOptions } from '../src/areas/standalone.js';
import type { CustomersOptions, FileEdit, SignupTarget } from '../src/areas/customers/types.js';

type Options = CustomersOptions & { reporter?: Reporter; sites?: SiteFilter };

export default function transformer(file: FileInfo, api: API, options: Options): string | undefined | Promise<string | undefined> {
  // A plain `jscodeshift -t` run brings no sites: work out what `billing-codemod apply` would pass.
  if (!options.targets) return standaloneOptions<Options>('customers', file.path).then((given) => (given ? transformer(file, api, given) : undefined));
  const reporter = reporterFor(api, file.path, options.reporter);
  const targets = options.targets;
  if (targets.length === 0) return undefined;

  const root = api.jscodeshift(file.source);
  const edit = openEdit(file, api, options, reporter, root.get().node as t.File);
  // Every site is found before any is edited: edits replace nodes, and new nodes carry other offsets.
  const sites = targets.map((target) => ({ target, found: locate(edit, target) }));
  for (const { target, found } of sites) {
    const verdict = siteVerdict(options.sites, target.start);
    if (verdict === 'leave') continue;
    if (found) reporter.site?.(target.start, lineOf(found.node));
    if (typeof verdict === 'object' && found) refuse(edit, target, found, verdict.refused);
    else addCustomerCreation(edit, target, found);
  }

  if (!edit.changed) return undefined;
  return printEdited(root, file, edit.style, edit.planner);
}

function openEdit(file: FileInfo, api: API, options: Options, reporter: Reporter, ast: t.File): FileEdit {
  const planner = new ImportPlanner(ast, importSyntaxOf(ast, file.path, options.module));
  const edit: FileEdit = {
    j: api.jscodeshift,
    ast,
    source: file.source,
    path: file.path,
    style: detectStyle(file.source),
    planner,
    reporter,
    options,
    billing: () => planner.use({ source: options.billingImport, name: 'billing', ...(options.isBillingImport ? { sameModule: options.isBillingImport } : {}) }),
    changed: false,
  };
  return edit;
}

function locate(edit: FileEdit, target: SignupTarget): Located | null {
  const program = edit.ast.program;
  if (target.kind === 'handler') return nodeAt(program, target.start, isFunction);
  if (target.kind === 'clerk') return nodeAt(program, target.start, (n): n is t.StringLiteral => n.type === 'StringLiteral');
  return nodeAt(program, target.start, (n): n is t.ObjectExpression => n.type === 'ObjectExpression');
}

/** A site refused by the area (its edit would not type-check, it runs in the browser): the reason, one marker, the call to add by hand. */
function refuse(edit: FileEdit, target: SignupTarget, found: Located, reason: string): void {
  const statement = target.kind === 'handler' ? statementOfFunction(found as Located<FunctionNode>) : enclosingStatement(found.node, found.ancestors)?.statement ?? null;
  stopAt(edit, {
    statement,
    line: lineOf(found.node),
    reason: `${target.label}: ${reason}`,
    message: `${target.label}: create the billing customer (billing.ensureCustomer) right after the user is created; not automated: ${reason}`,
  });
}

function addCustomerCreation(edit: FileEdit, target: SignupTarget, found: Located | null): void {
  if (!found) return edit.reporter.skip(0, `${target.label}: not found in ${edit.path} (the file changed since detection?)`);
  switch (target.kind) {
    case 'handler':
      return addToHandler(edit, target, found as Located<FunctionNode>);
    case 'next-auth':
    case 'better-auth':
      return addToLibraryHook(edit, target, found as Located<t.ObjectExpression>);
    case 'clerk':
      return addToClerkWebhook(edit, target, found as Located<t.StringLiteral>);
  }
}
