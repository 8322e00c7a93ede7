// The statement that sends one usage event, in house style (two-space indent, single quotes, semicolons;
// the caller adapts it to the file's style): started and not awaited, or handed to Next.js's `after()`, so
// the response never waits for billing; awaited only under usage.onError 'fail'.
import { jsLiteral } from '../../ast/literal.js';

export type SendStyle = 'void' | 'await' | 'after';

export interface TrackCall {
  /** How this file reaches the billing module's object (`billing`, `billing2`, `lib.billing`). */
  billing: string;
  /** The signed-in user's id, as the app writes it. */
  userId: string;
  eventType: string;
  data: Array<[string, string]>;
  subject: string | null;
  /** The incoming request, for a provider called with the user's session (see session-source.ts). */
  session?: string | null;
}

/** `billing.trackUsage({...})`, the call itself (no statement around it). */
export function trackCallCode(call: TrackCall): string {
  const lines = [`${call.billing}.trackUsage({`, `  customer: { externalId: ${call.userId} },`, `  eventType: ${jsLiteral(call.eventType)},`];
  if (call.data.length) {
    lines.push('  data: {');
    for (const [key, value] of call.data) lines.push(`    ${propertyName(key)}: ${value},`);
    lines.push('  },');
  }
  if (call.subject) lines.push(`  subject: ${call.subject},`);
  if (call.session) lines.push(`  session: ${call.session},`);
  lines.push('})');
  return lines.join('\n');
}

/**
 * The whole statement; `after` is the local name of Next.js's `after` when the style is 'after'. Where the
 * app's lint forbids `void` (standard, airbnb), the call stands alone: trackUsage never rejects.
 */
export function trackStatementCode(call: TrackCall, style: SendStyle, after = 'after', noVoid = false): string {
  const code = trackCallCode(call);
  switch (style) {
    case 'void':
      return noVoid ? `${code};` : `void ${code};`;
    case 'await':
      return `await ${code};`;
    case 'after':
      return `${after}(() => ${code});`;
  }
}

function propertyName(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : jsLiteral(key);
}
