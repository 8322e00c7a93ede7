// The one line the customers area writes: a call to the generated billing module's ensureCustomer, in house
// style (callers apply the file's style), plus the snippets its reports carry.
import type { CustomerFields } from './created-user.js';

export type CallMode =
  /** `await billing.ensureCustomer(...)` */
  | 'await'
  /** `const customer = await billing.ensureCustomer(...)`: the result sends the person to pay */
  | 'keep'
  /** `void billing.ensureCustomer(...)`: nowhere to await (callback-style handler) */
  | 'void';

/** `{ externalId: user.id, email: user.email, name }`: shorthand where the value is the key's own local. */
export function customerArgument(fields: CustomerFields): string {
  const entries: Array<[string, string | null]> = [
    ['externalId', fields.externalId],
    ['email', fields.email],
    ['name', fields.name],
  ];
  const parts = entries.filter((e): e is [string, string] => e[1] !== null).map(([key, value]) => (key === value ? key : `${key}: ${value}`));
  return `{ ${parts.join(', ')} }`;
}

export function customerCall(billing: string, fields: CustomerFields, mode: CallMode, result = 'customer'): string {
  const call = `${billing}.ensureCustomer(${customerArgument(fields)})`;
  if (mode === 'keep') return `const ${result} = await ${call};`;
  return `${mode} ${call};`;
}

/** Statements that contain a call to ensureCustomer (the site is already integrated). */
export const ENSURE_CUSTOMER = 'ensureCustomer';
