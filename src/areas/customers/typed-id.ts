// The new user's fields, checked against what the checker says the creation returns: a service that returns
// `{ user, token }` gives `result.user.id`, a Mongo document `_id` (as a string), and a creation whose result
// has no id at all (an insert without `.returning()`, a helper returning void) is a skip with that reason,
// never a read of a field the result lacks. Untyped code keeps what the code's own reads suggested.
import type { PathFacts, TypeFacts } from '../../analysis/type-facts.js';
import type { CustomerFields } from './created-user.js';

const ID_KEYS = ['id', '_id', 'userId', 'user_id', 'uid'];
const WRAPPERS = ['user', 'data', 'record', 'account', 'result'];

/** Where the result can be asked about: a variable visible at `offset`, or the expression spanning [start, end). */
export type ResultAt = { kind: 'variable'; offset: number } | { kind: 'expression'; start: number; end: number; name: string };

export type TypedFields = { ok: true; fields: CustomerFields } | { ok: false; reason: string; todo: string };

export function typedFields(fields: CustomerFields, at: ResultAt, types: TypeFacts | null, created: string): TypedFields {
  const path = pathOf(fields.externalId);
  if (!types || !path) return { ok: true, fields };
  const facts = (p: string[]): PathFacts | null => (at.kind === 'variable' ? types.pathAt(at.offset, p) : p[0] === at.name ? types.pathFrom(at.start, at.end, p.slice(1)) : null);
  const first = facts(path);
  // Nothing known about the value (untyped code, or a name the checker cannot place): the code's own evidence stands.
  if (!first || (first.ok && first.typed === 0)) return { ok: true, fields };
  for (const candidate of alternatives(path)) {
    const found = candidate === path ? first : facts(candidate);
    if (!found?.ok || found.kind === 'other') continue;
    return { ok: true, fields: { externalId: render(candidate, found), email: checked(fields.email, facts), name: checked(fields.name, facts) } };
  }
  const root = facts([path[0]]);
  const typeText = root && root.ok ? root.typeText : first.typeText;
  return {
    ok: false,
    reason: `${created} gives \`${typeText}\`, which has no id of the new user${/RowList|QueryResult|ResultSetHeader|never\[\]/.test(typeText) ? ' (an insert that does not return the row)' : ''}`,
    todo: `have ${created} return the new row (with Drizzle, add .returning()) or look the user up (for example by email) after it, then create the billing customer with its id`,
  };
}

/** The path as found, then the same record's other id keys, then a wrapper's (`result.user.id`). */
function alternatives(path: string[]): string[][] {
  const record = path.slice(0, -1);
  const out = [path, ...ID_KEYS.filter((k) => k !== path[path.length - 1]).map((k) => [...record, k])];
  for (const wrapper of WRAPPERS) for (const key of ['id', '_id']) out.push([...record, wrapper, key]);
  return out;
}

/** An email or name expression kept only when its path exists (or the value is untyped). */
function checked(expression: string | null, facts: (p: string[]) => PathFacts | null): string | null {
  const path = expression ? pathOf(expression) : null;
  if (!expression || !path || path.length === 1) return expression;
  const found = facts(path);
  return !found || found.ok ? expression : null;
}

function pathOf(expression: string): string[] | null {
  return /^[\w$]+((\?\.|\.)[\w$]+)*$/.test(expression) ? expression.split(/\?\.|\./) : null;
}

/** `result.user.id`, with `?.` where a step may be missing and `.toString()` for an ObjectId. */
function render(path: string[], facts: Extract<PathFacts, { ok: true }>): string {
  let out = path[0];
  for (let i = 1; i < path.length; i++) out += (i - 1 < facts.typed && facts.nullable[i - 1] ? '?.' : '.') + path[i];
  if (facts.kind === 'objectid') out += `${facts.nullable[path.length - 1] ? '?.' : '.'}toString()`;
  return out;
}
