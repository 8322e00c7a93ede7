// Adds a property to an object literal, or an argument to a call, by editing its source text (every area
// that adds one uses this), and turns edited text back into a node. recast prints a node parsed from text
// exactly as written, while a property pushed onto the old node would reprint the whole object in recast's
// own layout (one property per line, blank lines between them; a call's arguments joined on one line).
import type * as t from '@babel/types';
import type { JSCodeshift } from 'jscodeshift';
import { applyStyle, type CodeStyle } from './style.js';

/**
 * The object's text with `property` (house style, e.g. `paymentUrl: x` or a multi-line member) added last,
 * laid out like the object: on the same line when it is one line, on its own line at the properties'
 * indentation when it is several, keeping a trailing comma when the object has one. Null when the object
 * ends in a comment, where a comma cannot be placed safely.
 */
export function withProperty(objectText: string, property: string, style: CodeStyle): string | null {
  return withLastItem(objectText, applyStyle(property, style), '{', '}');
}

/** A call's text with `args` (code) added after its last argument, laid out like the call's own arguments. */
export function withArguments(callText: string, args: string[]): string | null {
  return withLastItem(callText, args.join(', '), '(', ')');
}

function withLastItem(objectText: string, styled: string, openChar: string, closeChar: string): string | null {
  const close = objectText.lastIndexOf(closeChar);
  const head = objectText.slice(0, close).replace(/\s+$/, '');
  if (head.endsWith(openChar)) return `${head}${openChar === '{' ? ` ${styled} ` : styled}${closeChar}`;
  const lastLine = head.slice(head.lastIndexOf('\n') + 1).trim();
  if (/^(\/\/|\/\*|\*)/.test(lastLine) || /\/\/.*$/.test(lastLine.replace(/(['"`]).*?\1/g, ''))) return null;
  const trailingComma = head.endsWith(',');
  const before = trailingComma ? head : `${head},`;
  const tail = objectText.slice(close + 1);
  const lastLineIsClose = /\n[ \t]*$/.test(objectText.slice(0, close));
  if (!objectText.includes('\n') || !lastLineIsClose) return `${before} ${styled}${trailingComma ? ',' : ''}${openChar === '{' ? ' ' : ''}${closeChar}${tail}`;
  const closingIndent = /^[ \t]*/.exec(objectText.slice(objectText.lastIndexOf('\n', close) + 1))?.[0] ?? '';
  const propertyIndent = /^[ \t]*/.exec(head.slice(head.lastIndexOf('\n') + 1))?.[0] ?? '';
  const indented = styled
    .split('\n')
    .map((line) => (line ? propertyIndent + line : line))
    .join('\n');
  return `${before}\n${indented}${trailingComma ? ',' : ''}\n${closingIndent}${closeChar}${tail}`;
}

/**
 * The source text of a node, with the indentation of the line it starts on taken off its later lines:
 * recast indents a reused multi-line node to where it is placed, so absolute indentation would double.
 */
export function nodeText(source: string, node: { start?: number | null; end?: number | null }): string {
  const start = node.start ?? 0;
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  const base = /^[ \t]*/.exec(source.slice(lineStart, start))?.[0] ?? '';
  const text = source.slice(start, node.end ?? start);
  return base ? text.split('\n').map((line, i) => (i > 0 && line.startsWith(base) ? line.slice(base.length) : line)).join('\n') : text;
}

/** An expression node parsed from text, for recast to print exactly as written. */
export function expressionFrom(j: JSCodeshift, text: string): t.Expression {
  // Parsed as an assignment's right side: a parenthesised expression would be reprinted by recast.
  const program = j(`x = ${text}`).get().node.program as t.Program;
  return ((program.body[0] as t.ExpressionStatement).expression as t.AssignmentExpression).right;
}

/** Statements parsed from text (house style already applied by the caller). */
export function statementsFrom(j: JSCodeshift, code: string): t.Statement[] {
  return (j(code).get().node.program as t.Program).body;
}

/** Puts `replacement` where `child` sits in `parent` (a property or an element of a list property). */
export function replaceChild(parent: t.Node, child: t.Node, replacement: t.Node): boolean {
  const record = parent as unknown as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value === child) {
      record[key] = replacement;
      return true;
    }
    if (Array.isArray(value)) {
      const i = value.indexOf(child);
      if (i !== -1) {
        value[i] = replacement;
        return true;
      }
    }
  }
  return false;
}
