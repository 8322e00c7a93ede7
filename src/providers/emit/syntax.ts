// Parsing and printing for the emitter. recast reprints only what a step changed, so the source's comments,
// blank lines and layout survive (TypeScript's own emitter would drop the blank lines).
import { createRequire } from 'node:module';
import type * as Recast from 'recast';
import { babelOptions, babelParse } from '../../ast/parse.js';

export type File = Recast.types.namedTypes.File;
export type NodePath = Recast.types.NodePath;
type Comment = Recast.types.namedTypes.Comment & { leading?: boolean; trailing?: boolean };
type WithComments = { comments?: Comment[] | null; loc?: Recast.types.namedTypes.SourceLocation | null };

// Required when a module is generated, not when an area is loaded (~40 ms for runs that generate nothing).
let loaded: typeof Recast | null = null;
const recast = (): typeof Recast => (loaded ??= createRequire(import.meta.url)('recast') as typeof Recast);

export const visit: typeof Recast.visit = (node, methods) => recast().visit(node, methods);

/** Parses TypeScript (a superset of the JavaScript we emit) into a tree recast can reprint faithfully. */
export function parseModule(source: string): File {
  return recast().parse(source, {
    parser: {
      parse: (code: string) =>
        babelParse(code, {
          ...babelOptions('ts'),
          sourceType: 'module',
          // Explicit parentheses nodes, so dropping `as T` from `(x as T).y` can drop its parentheses too.
          createParenthesizedExpressions: true,
        }),
    },
  });
}

/** Prints the tree and tidies what removals leave behind: trailing spaces and runs of blank lines. */
export function printModule(ast: File): string {
  return tidy(recast().print(ast, { quote: 'single', tabWidth: 2, wrapColumn: 120 }).code);
}

export function tidy(code: string): string {
  return code.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '').trimEnd() + '\n';
}

/**
 * Removes a statement. Its doc comment (touching it) goes with it; a comment separated from it by a blank line
 * (a file header, a section title) stays, moved onto the next statement (or the previous one at the end).
 */
export function removeStatement(path: NodePath): void {
  const node = path.node as WithComments;
  const keep = (node.comments ?? []).filter((comment) => comment.leading && isDetached(comment, node));
  if (keep.length > 0) {
    const siblings = path.parentPath.value as WithComments[];
    const index = path.name as number;
    const next = siblings[index + 1] ?? siblings[index - 1];
    if (next) {
      const asTrailing = next === siblings[index - 1];
      for (const comment of keep) Object.assign(comment, { leading: !asTrailing, trailing: asTrailing });
      next.comments = asTrailing ? [...(next.comments ?? []), ...keep] : [...keep, ...(next.comments ?? [])];
    }
  }
  path.prune();
}

function isDetached(comment: Comment, node: WithComments): boolean {
  if (!comment.loc || !node.loc) return false;
  return comment.loc.end.line < node.loc.start.line - 1;
}
