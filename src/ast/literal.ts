// JavaScript source for plain values, in the house style (single quotes): generated settings, inserted strings.

export type LiteralValue = string | number | boolean | null | undefined | LiteralValue[] | { [key: string]: LiteralValue };

const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

export function jsLiteral(value: LiteralValue): string {
  if (Array.isArray(value)) return `[${value.map(jsLiteral).join(', ')}]`;
  if (typeof value === 'string') return `'${value.replace(/[\\'\n\r\u2028\u2029]/g, (c) => ESCAPES[c] ?? c)}'`;
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`Cannot embed ${value} as a literal`);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.length ? `{ ${entries.map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : jsLiteral(k)}: ${jsLiteral(v)}`).join(', ')} }` : '{}';
  }
  return String(value);
}
