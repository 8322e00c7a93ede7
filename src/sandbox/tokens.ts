// Payment and portal links carry a signed token instead of a stored session: `<payload>.<hmac>`, both
// base64url, signed with the state's secret (so a reset invalidates old links). Like Credyt's portal JWT,
// the payload says who it is for, where to go afterwards, and when it expires.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface PayToken {
  kind: 'pay';
  customer_id: string;
  subscription_id: string;
  exp: number;
}

export interface PortalToken {
  kind: 'portal';
  customer_id: string;
  return_url: string;
  failure_url: string | null;
  exp: number;
}

export type LinkToken = PayToken | PortalToken;

export function signToken(secret: string, payload: LinkToken & { iat: number }): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(secret, body)}`;
}

/** The payload when the signature holds (expired or not: the caller decides), else undefined. */
export function readToken(secret: string, token: string): (LinkToken & { iat: number }) | undefined {
  const [body, given, extra] = token.split('.');
  if (!body || !given || extra !== undefined) return undefined;
  const expected = Buffer.from(mac(secret, body));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as LinkToken & { iat: number };
    return payload && typeof payload.exp === 'number' ? payload : undefined;
  } catch {
    return undefined;
  }
}

function mac(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}
