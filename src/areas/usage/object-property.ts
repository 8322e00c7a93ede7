// Adding a property to an object literal the app wrote (`stream_options` to a request, `onFinish` to
// streamText's options) the way a person would: by editing the object's own text (src/ast/object-text.ts),
// so recast prints it exactly as written instead of re-laying it out (blank lines between properties).
import type * as t from '@babel/types';
import { expressionFrom, nodeText, withProperty as withPropertyText } from '../../ast/object-text.js';
import { indentLines } from '../../ast/style.js';
import type { FileEdit } from './file-edit.js';

/** The object with `code` (a property, in house style) added last. */
export function withProperty(edit: FileEdit, object: t.ObjectExpression, code: string): t.ObjectExpression {
  const original = object.start === null || object.start === undefined ? null : edit.text.slice(object.start, object.end ?? object.start);
  if (original && !original.includes('\n') && code.includes('\n')) {
    // A one-line object taking a multi-line property is laid out one property per line.
    const props = object.properties.map((p) => edit.text.slice(p.start ?? 0, p.end ?? 0));
    return edit.expression(`{\n${[...props, code].map((p) => `${indentLines(p)},`).join('\n')}\n}`) as t.ObjectExpression;
  }
  const text = object.start === null || object.start === undefined ? null : withPropertyText(nodeText(edit.text, object), code, edit.style);
  if (text !== null) return expressionFrom(edit.api.jscodeshift, text) as t.ObjectExpression;
  // The object ends in a comment, where a comma cannot be placed in its text: the node gets the property.
  const [property] = (edit.expression(`{\n${code},\n}`) as t.ObjectExpression).properties;
  object.properties.push(property);
  return object;
}
