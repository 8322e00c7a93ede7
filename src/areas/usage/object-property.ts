// Adding a property to an object literal the app wrote (`stream_options` to a request, `onFinish` to
// streamText's options) the way a person would. Recast spreads an object it reprints over one line per
// property; so an object written on one line is rebuilt from its own text instead: kept on one line for a
// short property, laid out one property per line when the new property spans lines.
import type * as t from '@babel/types';
import { indentLines } from '../../ast/style.js';
import { getProperty } from '../../ast/nodes.js';
import type { FileEdit } from './file-edit.js';

/** The object with `code` (a property, in house style) added after the property `after`, else last. */
export function withProperty(edit: FileEdit, object: t.ObjectExpression, code: string, after?: string): t.ObjectExpression {
  const original = object.start === null || object.start === undefined ? null : edit.text.slice(object.start, object.end ?? object.start);
  if (original && !original.includes('\n')) {
    if (!code.includes('\n')) {
      const inner = original.replace(/^\{\s*/, '').replace(/,?\s*\}$/, '');
      return edit.expression(`{ ${inner ? `${inner}, ` : ''}${code} }`) as t.ObjectExpression;
    }
    const props = object.properties.map((p) => edit.text.slice(p.start ?? 0, p.end ?? 0));
    const lines = [...props, code].map((p) => `${indentLines(p)},`);
    return edit.expression(`{\n${lines.join('\n')}\n}`) as t.ObjectExpression;
  }
  const [property] = (edit.expression(`{\n${indentLines(code)},\n}`) as t.ObjectExpression).properties;
  const anchor = after ? getProperty(object, after) : null;
  object.properties.splice(anchor ? object.properties.indexOf(anchor) + 1 : object.properties.length, 0, property);
  return object;
}
