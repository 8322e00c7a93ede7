// examples/<app>/e2e.json: everything the harness needs to drive an app generically.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXAMPLES_DIR } from './paths.js';

/** An HTTP call the drivers make; strings in `body` may hold ${placeholders}. */
export interface RequestSpec {
  method?: string;
  path: string;
  body?: unknown;
  /** Send the body as application/x-www-form-urlencoded instead of JSON. */
  form?: boolean;
}

export interface BillableSpec extends RequestSpec {
  /** Status the untouched app answers a signed-in caller with. */
  status: number;
  /** The route streams its answer (the smoke test checks it arrives in several chunks). */
  stream?: boolean;
  /** The fake AI request kind the route makes, e.g. `openai:chat.completions`, `anthropic:messages`. */
  ai: string;
  /** How the route's answer carries the AI output: the reply text (default) or an image. */
  output?: 'text' | 'image';
}

export type LoginSpec =
  | (RequestSpec & { status: number })
  /** next-auth v4: GET /api/auth/csrf, then POST the credentials to /api/auth/callback/<provider>. */
  | { nextAuth: { basePath?: string; provider: string; fields: Record<string, string> } };

export interface E2eConfig {
  description?: string;
  /** Command that serves the app from its folder; PORT is set in its environment. */
  start: string[];
  /** Command run before `start` on every boot (e.g. `next build`). */
  build?: string[];
  /** Text the server prints once it listens, or a path to poll until it answers below 500. */
  ready: string | { path: string };
  readyTimeoutMs?: number;
  /** Whether the app has a `tsc --noEmit` to pass. */
  typecheck: boolean;
  /** Environment for the app; values may use ${PORT}, ${APP_URL}, ${FAKE_AI_URL} and any variable passed to bootApp. */
  env?: Record<string, string>;
  signup: RequestSpec & {
    status: number;
    /** Whether a successful signup leaves the client signed in (otherwise the drivers log in after it). */
    signsIn: boolean;
    bad: { body: unknown; status: number };
  };
  login: LoginSpec;
  /** A route that answers 200 to a signed-in client and `unauthorized.status` otherwise. */
  me: RequestSpec;
  unauthorized: { status: number };
  billable: Record<string, BillableSpec>;
  /** A server-rendered account page where billing-portal adds its link and balance-display its BillingBalance. */
  accountPage?: string;
}

export function loadE2eConfig(name: string): E2eConfig {
  const file = path.join(EXAMPLES_DIR, name, 'e2e.json');
  let config: E2eConfig;
  try {
    config = JSON.parse(readFileSync(file, 'utf8')) as E2eConfig;
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
  for (const field of ['start', 'ready', 'typecheck', 'signup', 'login', 'me', 'unauthorized', 'billable'] as const) {
    if (config[field] === undefined) throw new Error(`${file}: missing field "${field}"`);
  }
  return config;
}

/** Replaces ${name} in every string inside `value`; an unknown name is an error, not an empty string. */
export function expand<T>(value: T, vars: Record<string, string>): T {
  if (typeof value === 'string') {
    return value.replace(/\$\{(\w+)\}/g, (_, key: string) => {
      if (!(key in vars)) throw new Error(`e2e.json: no value for \${${key}}`);
      return vars[key]!;
    }) as T;
  }
  if (Array.isArray(value)) return value.map((v) => expand(v, vars)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expand(v, vars)])) as T;
  }
  return value;
}
